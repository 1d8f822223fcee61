/// The rules a desk PIN follows: digits only, at least six, and none of the PINs people guess first.
public enum DeskPIN {
  /// The fewest digits a PIN may have.
  public static let minLength = 6
  /// The most digits a PIN may have.
  public static let maxLength = 12

  /// Checks `pin`; throws what is wrong with it (too short or long, not only digits, too easy to guess).
  public static func validate(_ pin: String) throws {
    guard pin.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
      throw GAIDeskError(.pinDigits)
    }
    guard pin.count >= minLength, pin.count <= maxLength else {
      throw GAIDeskError(.pinLength, String(minLength), String(maxLength))
    }
    if isCommon(pin) { throw GAIDeskError(.pinCommon) }
  }

  /// Whether `pin` (digits) is one guessed first: one digit repeated, a run up or down, a short block
  /// repeated, a known favourite, or a date (day-month-year, year-month-day, month-day-year).
  public static func isCommon(_ pin: String) -> Bool {
    let digits = pin.unicodeScalars.map { Int($0.value) - 48 }
    guard digits.count >= 2 else { return true }
    let steps = Set(zip(digits, digits.dropFirst()).map { ($1 - $0 + 10) % 10 })
    // 111111, 123456, 654321, 890123 (a run may wrap round the keypad).
    if steps.count == 1, [0, 1, 9].contains(steps.first!) { return true }
    for period in 1...3 where digits.count % period == 0 && digits.count > period {
      // 121212, 123123, 100100…
      if digits.indices.allSatisfy({ digits[$0] == digits[$0 % period] }) { return true }
    }
    return favourites.contains(pin) || isDate(digits)
  }

  /// Six-digit PINs found at the top of leaked PIN lists, and keypad shapes.
  static let favourites: Set<String> = [
    "112233", "123321", "654456", "147258", "147852", "258369", "369258", "159753", "357159", "159357",
    "753951", "789456", "456789", "987654", "741852", "852963", "963852", "102030", "112358", "142536",
    "135790", "246810", "520520", "520131", "131313", "007007", "696969", "123654", "121314", "123789",
    "147369", "159951", "010203", "998877", "778899", "887766", "654123", "321654", "456123", "789123",
    "11223344", "12344321", "13579246", "24681357", "12341234", "87654321", "98765432",
  ]

  /// Whether the digits read as a date: DDMMYY, DDMMYYYY, YYYYMMDD, MMDDYY or MMDDYYYY (any year).
  static func isDate(_ d: [Int]) -> Bool {
    func number(_ range: Range<Int>) -> Int { d[range].reduce(0) { $0 * 10 + $1 } }
    func valid(day: Int, month: Int) -> Bool { (1...12).contains(month) && (1...31).contains(day) }
    switch d.count {
    case 6:
      return valid(day: number(0..<2), month: number(2..<4))
        || valid(day: number(2..<4), month: number(0..<2))
        || valid(day: number(4..<6), month: number(2..<4))
    case 8:
      let year = number(0..<4)
      return valid(day: number(0..<2), month: number(2..<4))
        || valid(day: number(2..<4), month: number(0..<2))
        || ((1900...2099).contains(year) && valid(day: number(6..<8), month: number(4..<6)))
    default:
      return false
    }
  }
}
