// Data sizes per profile. `full` is the documented run (issue 8's sizes); `tiny` proves in seconds that
// every benchmark still runs and checks its results (CI), with timings that mean nothing.
export const PROFILES = {
  full: {
    runs: 5,
    capWatchMs: 20_000,
    segmentEmployers: 1_000_000,
    // c: each run is this many rounds of one call per side, so a call of a few milliseconds is not one draw. 40, not
    // 20: with 20, three --only=c runs on 2026-11-30 gave in-process ratios up to 0.37 apart; 40 costs c a minute.
    segmentPreviewsPerRun: 40,
    reportEmployers: 50_000, // × 20 stage changes = 1,000,000
    launchContacts: 100_000,
    memoryLaunchContacts: 1_000_000,
    sendMessages: 2_000,
    capMessages: 1_000,
    maxPerHour: 500,
    // 1 warm-up + 5 imports of 100,000 rows would take half an hour on this machine: the repeated runs use
    // 20,000 rows, and one import of 100,000 rows gives the rate and the peak RSS at full size.
    importEmployers: 20_000,
    importLargeEmployers: 100_000,
    autocannonSeconds: 5,
    // e's paced run at half the rate, after autocannonSeconds at that pace to settle from the floods: long enough to
    // hold several of the api's full collections, so its p99 is not a draw of whether one fell inside it.
    pacedSeconds: 30,
    // g repeats a, c and f on the embedded server at these sizes (the external server's run above is full size).
    embedded: { segmentEmployers: 200_000, launchContacts: 20_000, importEmployers: 5_000 },
  },
  tiny: {
    // One warm-up and one timed run: the tiny profile proves correctness, its timings mean nothing.
    runs: 1,
    capWatchMs: 4_000,
    segmentEmployers: 3_000,
    segmentPreviewsPerRun: 2,
    reportEmployers: 300,
    launchContacts: 500,
    memoryLaunchContacts: 300,
    sendMessages: 20,
    capMessages: 10,
    maxPerHour: 5,
    importEmployers: 200,
    // Small, but run, so the single large import's code (and its samplers) is exercised in CI too.
    importLargeEmployers: 300,
    autocannonSeconds: 1,
    pacedSeconds: 1,
    // Each autocannon run ends after this many answers instead of after autocannonSeconds: a second on a loaded
    // machine could end with no answer at all (benchmark e then failed), while these take a fraction of one.
    autocannonRequests: 200,
    embedded: {},
  },
};
