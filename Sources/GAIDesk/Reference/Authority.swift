/// The national authority for immigration that GAI offices report to, as reference data
/// (`Resources/data/authority.json`): the next reorganisation is a data change, not a code change.
public struct Authority: Decodable, Sendable {
  /// The shipped authority (the AAI since Decreto-Lei 55/2020).
  public static let shipped: Authority =
    ReferenceData.load("authority.json")
    ?? Authority(short: "", name: LocalizedText(), partner: nil, source: nil, history: LocalizedText())

  /// Short name, e.g. `AAI`.
  public let short: String
  /// Full name in pt/en/fr.
  public let name: LocalizedText
  /// Its partner code in the directory.
  public let partner: String?
  /// The source code of the law that created it.
  public let source: String?
  /// Where it comes from (the institutions it replaced), in pt/en/fr.
  public let history: LocalizedText
}
