import Testing

@testable import MentorMatch

/// ``RunCore/searchedAhead(sizes:)``: a cohort is searched ahead of the
/// solver only when it is no bigger than the cohort before it.
@Suite struct SearchedAheadTests {
  @Test func theFirstCohortIsNeverSearchedAhead() {
    #expect(RunCore.searchedAhead(sizes: []) == [])
    #expect(RunCore.searchedAhead(sizes: [(mentees: 10, mentors: 10)]) == [false])
  }

  @Test func aCohortNoBiggerThanTheOneBeforeIsSearchedAhead() {
    let sizes = [(mentees: 100, mentors: 50), (mentees: 50, mentors: 100), (mentees: 10, mentors: 10)]
    #expect(RunCore.searchedAhead(sizes: sizes) == [false, true, true])
  }

  /// A small cohort then a big one: the big one's search would outlast the
  /// small one's solve on one thread, so it waits for the solver and uses every core.
  @Test func aBiggerCohortIsSearchedAfterTheSolverOnEveryCore() {
    let sizes = [(mentees: 10, mentors: 10), (mentees: 100, mentors: 100), (mentees: 100, mentors: 99), (mentees: 0, mentors: 5)]
    #expect(RunCore.searchedAhead(sizes: sizes) == [false, false, true, true])
  }
}
