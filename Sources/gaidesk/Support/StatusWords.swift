import Foundation
import GAIDesk

/// Referral statuses typed by their code (`sent`) or their word in any interface language (`enviado`, `envoyée`),
/// ignoring case and accents.
enum StatusWords {
  /// The status `text` names, or a refusal listing the words of the interface language and the codes.
  static func referral(_ text: String) throws -> ReferralStatus {
    let wanted = fold(text)
    for status in ReferralStatus.allCases {
      let words =
        [status.rawValue]
        + Language.allCases.map {
          Strings.shared.text("referral.\(status.rawValue)", language: $0)
        }
      if words.contains(where: { fold($0) == wanted }) { return status }
    }
    let known = ReferralStatus.allCases.map { "\(Console.text("referral.\($0.rawValue)")) (\($0.rawValue))" }
    throw GAIDeskError(.referralStatus, text, known.joined(separator: ", "))
  }

  private static func fold(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespaces).folding(
      options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
  }
}
