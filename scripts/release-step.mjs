// The common start of the release build's steps run by scripts/prerender.sh (the Trunk
// post-build hook): they act on release builds only, in the directory Trunk is about to publish.

/// The staging directory of a release build, or null for any other build (a step then has
/// nothing to do). Throws, naming `step`, when a release build does not say where it stages.
export function releaseStaging(step) {
  if (process.env.TRUNK_PROFILE !== "release") return null;
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) throw new Error(`${step}: TRUNK_STAGING_DIR is not set (run through trunk build --release)`);
  return staging;
}
