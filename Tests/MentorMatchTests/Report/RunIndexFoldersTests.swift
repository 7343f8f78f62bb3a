import Testing
@testable import MentorMatch

/// Cohort folder names in a run folder: readable, safe on any file system,
/// and never shared by two cohorts.
@Suite struct RunIndexFoldersTests {
  @Test func cohortNamesBecomeDistinctSafeFolders() {
    let folders = RunIndex.cohortFolders(
      ["spring-2026", "Spring 2026", "!!!", "Été / Autumn", "SPRING  2026", "Ysgol Haf – Ŵyl", "Straße", "Ærø Łódź",
       "STRASSE", "Þingvellir ✓"])
    #expect(folders == [
      // Name order (byte order: capitals first) decides who keeps the plain slug.
      "SPRING  2026": "cohorts/spring-2026",
      "Spring 2026": "cohorts/spring-2026-2",
      "spring-2026": "cohorts/spring-2026-3",
      "!!!": "cohorts/cohort",
      // Accents drop to the base letter; a Latin letter with no decomposition
      // is spelt out, and may then share a slug (`STRASSE` sorts first).
      "Été / Autumn": "cohorts/ete-autumn",
      "Ysgol Haf – Ŵyl": "cohorts/ysgol-haf-wyl",
      "STRASSE": "cohorts/strasse",
      "Straße": "cohorts/strasse-2",
      "Ærø Łódź": "cohorts/aero-lodz",
      // Anything else is a hyphen, trimmed at the ends.
      "Þingvellir ✓": "cohorts/thingvellir",
    ])
    // The same names in any order give the same folders.
    #expect(RunIndex.cohortFolders(folders.keys.sorted().reversed()) == folders)
  }
}
