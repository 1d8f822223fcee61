/// The shipped partner directory's codes and topics (the full directory lives in `PartnerDirectory`).
struct PartnerDirectoryCodes: Decodable {
  let code: String
  let topics: [String]

  /// The shipped partners, in file order.
  static let shipped: [PartnerDirectoryCodes] = ReferenceData.load("partners.json") ?? []
}
