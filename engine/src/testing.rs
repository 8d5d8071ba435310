//! One small deterministic generator for the tests (unit, fuzz and persona tests share it): the
//! same sequence on every run, without a dependency. The app never calls it, so it is not in
//! the wasm.

/// A linear congruential generator (Knuth's MMIX constants); the high bits are the output.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number, 31 bits.
    pub fn step(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number below `m` (0 when `m` is 0).
    pub fn below(&mut self, m: usize) -> usize {
        (self.step() as usize).checked_rem(m).unwrap_or(0)
    }
}
