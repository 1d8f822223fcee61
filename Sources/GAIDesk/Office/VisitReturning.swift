/// The rule for undoing a call made by mistake ("back to the queue"): the one place the command, the fold and
/// the screens ask.
public enum VisitReturning {
  /// Whether undoing the call written at `calledAt` puts `visit` back in the queue: the visit is still called
  /// by that record (not served, left or called again since).
  public static func undoes(_ calledAt: WallTime, visit: Visit) -> Bool {
    isCalled(visit, by: calledAt)
  }

  /// Whether `visit` is still called by the call written at `calledAt`: what a serve screen opened for that
  /// call may close or put back (not once the visit went back to the queue or was called again since).
  public static func isCalled(_ visit: Visit, by calledAt: WallTime) -> Bool {
    visit.status == .called && visit.calledAt == calledAt
  }

  /// Whether `visit` can go back to the queue now (what the serve screen and `queue return` offer).
  public static func canReturn(_ visit: Visit) -> Bool {
    guard let calledAt = visit.calledAt else { return false }
    return undoes(calledAt, visit: visit)
  }
}
