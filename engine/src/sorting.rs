//! One sort for the whole app. The standard library's `sort_by` is compiled anew for every
//! element type and comparison, about 4 KB of wasm each, and podpath had 26 of them (twiggy
//! `monos`, 2026-12-05). This one sorts positions with the comparison behind a pointer, so its
//! code exists once, then moves the items into that order. Stable, like `slice::sort_by`. The
//! lists podpath sorts are small (a few hundred topics or episodes at most, a document's
//! words), where the indirect call costs nothing a reader could notice.

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` puts them in (stable).
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sorts `items` by `cmp`, stably.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    // Position `i` takes the item that was at `order[i]`; one already moved by an earlier swap
    // is found by following `order` from where it was.
    for i in 0..order.len() {
        let mut from = order[i];
        while from < i {
            from = order[from];
        }
        items.swap(i, from);
    }
}

/// Sorts `items` by a key, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_stably_for_any_input() {
        // xorshift: no dependency for a few thousand random lists.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in 0..300 {
            let items: Vec<(u8, usize)> = (0..len).map(|i| ((next() % 7) as u8, i)).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = items.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "stable, like the standard library");
            let mut ours = items.clone();
            sort(&mut ours);
            let mut std = items;
            std.sort();
            assert_eq!(ours, std);
        }
    }
}
