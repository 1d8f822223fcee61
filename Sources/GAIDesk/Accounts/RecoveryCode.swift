/// The office's recovery code: 120 random bits as 24 letters and digits in six groups of four, to read aloud
/// and keep in the office safe. It opens the recovery slot, an administrator account.
public enum RecoveryCode {
  /// Letters and digits without look-alikes (no I, L, O, U), like Crockford's base 32.
  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
  /// The name of the recovery account.
  public static let accountName = "recuperação"

  /// A new random code, e.g. `K7QD-2M9X-…`.
  static func generate() -> String {
    var generator = SystemRandomNumberGenerator()
    let letters = (0..<24).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
    return stride(from: 0, to: 24, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
  }

  /// `text` in the code's written form (upper case, groups of four), when it reads as a code once spaces and
  /// dashes are ignored; nil otherwise.
  static func normalized(_ text: String) -> String? {
    let letters = Array(text.uppercased().filter { $0 != " " && $0 != "-" })
    guard letters.count == 24, letters.allSatisfy(alphabet.contains) else { return nil }
    return stride(from: 0, to: 24, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
  }
}
