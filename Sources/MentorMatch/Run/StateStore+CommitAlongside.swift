import Foundation
import GRDB

extension StateStore {
  /// Commits a run as ``commit(run:people:newPairs:notifications:)`` does,
  /// in ONE transaction, but does SQLite's work while `work` runs: the run
  /// row, the people and the pairs are inserted on another thread while
  /// `work` runs on this one; then the notifications `work` returns go in
  /// and the transaction commits. Nothing is committed before `work` has
  /// returned, so whatever `work` makes durable (the run folder) is durable
  /// before the state names it.
  ///
  /// The inserts cost far more CPU than the run folder's writes, which
  /// mostly wait for the disk, so the two side by side take about as long
  /// as the inserts alone.
  ///
  /// - Parameter work: runs on the calling thread; it must not use this
  ///   store, whose writer the transaction holds until `work` returns.
  /// - Throws: `work`'s error, after rolling the transaction back; or the
  ///   ``StateError`` the commit would throw (after `work` has run).
  @discardableResult
  public func commit(
    run: RunRecord, people: [PersonSeen], newPairs: [NewPair], alongside work: () throws -> [OwedNotification]
  ) throws -> CommitOutcome {
    let handover = Handover()
    let thread = Thread { [self] in
      let outcome = Result { () throws(StateError) -> CommitOutcome in
        try write { db in
          let done = try insertRun(run, db)
          if done == nil { try insert(people: people, newPairs: newPairs, runID: run.id, db) }
          // Whatever happened, wait for `work`: the caller's error comes first.
          guard let notifications = handover.awaitNotifications() else { throw Handover.Abandoned() }
          if let done { return done }
          try insert(notifications: notifications, runID: run.id, db)
          crash.hit("state-commit-in-transaction")
          return .committed
        }
      }
      handover.finish(outcome)
    }
    thread.start()
    let notifications: [OwedNotification]
    do {
      notifications = try work()
    } catch {
      handover.hand(nil)
      _ = handover.awaitOutcome()
      throw error
    }
    handover.hand(notifications)
    return try handover.awaitOutcome().get()
  }
}

/// What the caller's thread and the committing thread pass each other: the
/// notifications once `work` is done (nil when it failed), then the outcome.
/// Each semaphore orders a write before the other thread's read.
private final class Handover: @unchecked Sendable {
  /// Thrown inside the transaction to roll it back when `work` failed.
  struct Abandoned: Error {}

  private let handed = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  private var notifications: [OwedNotification]?
  private var outcome: Result<CommitOutcome, StateError>?

  func hand(_ notifications: [OwedNotification]?) {
    self.notifications = notifications
    handed.signal()
  }

  func awaitNotifications() -> [OwedNotification]? {
    handed.wait()
    return notifications
  }

  func finish(_ outcome: Result<CommitOutcome, StateError>) {
    self.outcome = outcome
    finished.signal()
  }

  func awaitOutcome() -> Result<CommitOutcome, StateError> {
    finished.wait()
    return outcome ?? .failure(StateError.database(path: "", message: "the commit thread ended without an outcome"))
  }
}
