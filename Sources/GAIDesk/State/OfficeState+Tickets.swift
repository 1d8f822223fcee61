extension OfficeState {
  /// Letters tickets may carry (no I or O, read aloud as one and zero).
  static let ticketLetters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ").map(String.init)

  /// The ticket letter of `origin`. It keeps the letter of its latest ticket unless another PC of the office
  /// uses that letter too and issued the first ticket with it (two PCs restored apart from one backup pick
  /// one of 23 free letters each, so they meet with a chance of 1 in 23; once either sees the other's
  /// tickets, in a bundle, both agree which one moves, and it moves). A PC without tickets takes `A` when no
  /// other PC issued any; otherwise, and when it moves, a letter no other PC used, picked by the origin's
  /// bytes, or the one other PCs used longest ago when all are taken.
  public func ticketLetter(for origin: OriginID) -> String {
    let own = "T-" + origin.tag + "-"
    var mine: String?
    var firstHolderIsMine: [String: Bool] = [:]
    var lastDay: [String: String] = [:]
    for (row, stored) in visits.rows.enumerated() {
      let letter = visits.texts[stored.letter]
      let day = visits.days[stored.day]
      let isMine = visits.ids.id(at: Int32(row), hasPrefix: own)
      if firstHolderIsMine[letter] == nil { firstHolderIsMine[letter] = isMine }
      if isMine {
        mine = letter
      } else if day > lastDay[letter, default: ""] {
        lastDay[letter] = day
      }
    }
    if let mine, lastDay[mine] == nil || firstHolderIsMine[mine] == true { return mine }
    guard mine != nil || !lastDay.isEmpty else { return "A" }
    let free = OfficeState.ticketLetters.filter { lastDay[$0] == nil }
    guard free.isEmpty else { return free[Int(origin.bytes[5]) % free.count] }
    return OfficeState.ticketLetters.min { lastDay[$0] ?? "" < lastDay[$1] ?? "" } ?? "A"
  }
}
