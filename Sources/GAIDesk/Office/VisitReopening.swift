/// The rule for undoing "left without service": the one place the command, the fold and the screens ask.
public enum VisitReopening {
  /// How long after the leave it can be undone: 10 minutes of wall time.
  public static let window: Double = 10 * 60

  /// Whether a record written at `time` undoes the leave of `visit` written at `leftAt`: the visit is
  /// still left by that record (nothing else happened to it since) and `time` is within ``window`` of it.
  public static func undoes(_ leftAt: WallTime, visit: Visit, at time: WallTime) -> Bool {
    visit.status == .left && visit.endedAt == leftAt && Double(leftAt.seconds(to: time)) <= window
  }

  /// Whether `visit`'s leave can still be undone at `now` (what the queue offers with its key).
  public static func canUndo(_ visit: Visit, now: WallTime) -> Bool {
    guard let leftAt = visit.endedAt else { return false }
    return undoes(leftAt, visit: visit, at: now)
  }
}
