/// The nightly commit, started early on a thread of its own so that SQLite's
/// work overlaps matching, reports and the run folder instead of following
/// them: the run row and the people go in once a solver starts
/// (``solving()``: the solver runs on one core, so the other is free; before
/// it, scoring uses both), the new pairs when the cohorts are solved
/// (``matched(_:)``), the owed emails when the run folder is written
/// (``finish(notifications:)``), and only then does the transaction commit. Until it commits nothing of the run is in the state,
/// so the order the run's crash safety rests on is unchanged: run folder
/// durable first, commit second.
///
/// The caller must not use the store while a staged commit is open, and
/// must end it with ``finish(notifications:)`` or ``abandon()``.
final class StagedCommit: Sendable {
  private let start = Handoff<Void>()
  private let pairs = Handoff<[NewPair]>()
  private let notifications = Handoff<[OwedNotification]>()
  private let job: BackgroundJob<Result<CommitOutcome, StateError>>

  /// - Parameter people: everyone the run read, worked out on the commit's
  ///   own thread (a value per sign-up, off the run's critical path).
  init(store: StateStore, run: RunRecord, people: @autoclosure @escaping @Sendable () -> [PersonSeen]) {
    let (start, pairs, notifications) = (start, pairs, notifications)
    job = BackgroundJob(ownThread: true) {
      // Abandoned, the pairs' handoff throws inside the transaction, which rolls it back.
      try? start.take()
      return Result { () throws(StateError) in
        try store.commit(
          run: run, people: people(), newPairs: pairs.take, notifications: notifications.take,
          writeAheadWhileWaiting: true)
      }
    }
  }

  /// Lets the transaction begin, with the run row and the people: called as
  /// a cohort's solver starts; later calls do nothing.
  func solving() { start.put(()) }

  /// Hands over the run's new pairs, once every cohort is solved (and lets
  /// the transaction begin, if no solver ran).
  func matched(_ newPairs: [NewPair]) {
    start.put(())
    pairs.put(newPairs)
  }

  /// Hands over the emails owed and waits for the commit.
  func finish(notifications owed: [OwedNotification]) throws(StateError) -> CommitOutcome {
    start.put(())
    notifications.put(owed)
    return try job.wait().get()
  }

  /// Rolls the transaction back (the run failed before its folder was
  /// written) and waits until it is.
  func abandon() {
    start.abandon()
    pairs.abandon()
    notifications.abandon()
    _ = job.wait()
  }
}
