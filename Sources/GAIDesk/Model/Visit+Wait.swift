extension Visit {
  /// Seconds waited: from arrival to the call (the wait the reports count), to `now` while still waiting,
  /// or to leaving for a ticket never called.
  public func waitSeconds(now: WallTime) -> Int {
    arrivedAt.seconds(to: calledAt ?? (status == .waiting ? now : endedAt ?? now))
  }
}
