extension OfficeState {
  /// Letters tickets may carry (no I or O, read aloud as one and zero).
  static let ticketLetters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ").map(String.init)

  /// The ticket letter of `origin`: the one it used before; else `A` when no other PC issued tickets; else a
  /// letter no other PC of the office used, picked by the origin's bytes (so two PCs restored apart from one
  /// backup rarely pick the same), or the one other PCs used longest ago when all are taken.
  public func ticketLetter(for origin: OriginID) -> String {
    let own = "T-" + origin.tag + "-"
    var lastDay: [String: String] = [:]
    for id in visitOrder.reversed() {
      guard let visit = visits[id] else { continue }
      if id.hasPrefix(own) { return visit.letter }
      if visit.day > lastDay[visit.letter, default: ""] { lastDay[visit.letter] = visit.day }
    }
    guard !lastDay.isEmpty else { return "A" }
    let free = OfficeState.ticketLetters.filter { lastDay[$0] == nil }
    guard free.isEmpty else { return free[Int(origin.bytes[5]) % free.count] }
    return OfficeState.ticketLetters.min { lastDay[$0] ?? "" < lastDay[$1] ?? "" } ?? "A"
  }
}
