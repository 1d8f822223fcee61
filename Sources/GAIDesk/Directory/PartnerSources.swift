/// The source code of each shipped partner entry (`source` in `Resources/data/partners.json`).
struct ShippedPartnerSource: Decodable {
  let code: String
  let source: String?
}

extension PartnerDirectory {
  /// Source codes of the shipped entries, by partner code.
  static let shippedSources: [String: String] = {
    let entries: [ShippedPartnerSource] = ReferenceData.load("partners.json") ?? []
    return Dictionary(
      entries.compactMap { entry in entry.source.map { (entry.code, $0) } },
      uniquingKeysWith: { first, _ in first })
  }()

  /// What the entry for `code` (its presence and contacts) rests on: the shipped source while the office
  /// has not changed where or how to reach the partner; the office's own details otherwise.
  public func backing(_ code: String) -> Backing {
    guard let partner = partner(code) else { return .toConfirm }
    guard let shipped = PartnerDirectory.shipped.first(where: { $0.code == code }) else { return .office }
    let same =
      partner.phone == shipped.phone && partner.email == shipped.email && partner.address == shipped.address
      && partner.islands == shipped.islands
    guard same else { return .office }
    return PartnerDirectory.shippedSources[code].flatMap(SourceCatalogue.source).map(Backing.source)
      ?? .toConfirm
  }
}
