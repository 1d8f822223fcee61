import Foundation

extension Office {
  /// The partner directory as this office has it (shipped plus its own edits).
  public var partners: PartnerDirectory { PartnerDirectory(state: state) }

  /// Adds a partner of the office's own; its code must be new.
  @discardableResult
  public func addPartner(_ partner: Partner, staff: String) throws -> Partner {
    try authorize(.editPartners, staff: staff)
    try perform(staff: staff) { context -> [Event] in
      let checked = try Validation.partner(partner)
      guard PartnerDirectory(state: context.state).partner(checked.code) == nil else {
        throw GAIDeskError(.partnerExists, checked.code)
      }
      return [.partnerAdded(checked)]
    }
    return partners.partner(partner.code)!
  }

  /// Changes a partner's details (shipped or the office's own): `change` edits the current record.
  @discardableResult
  public func updatePartner(_ code: String, staff: String, _ change: (inout Partner) throws -> Void) throws
    -> Partner
  {
    try authorize(.editPartners, staff: staff)
    try perform(staff: staff) { context -> [Event] in
      guard var partner = PartnerDirectory(state: context.state).partner(code) else {
        throw GAIDeskError(.partnerUnknown, code)
      }
      try change(&partner)
      guard partner.code == code else { throw GAIDeskError(.partnerCode, partner.code) }
      return [.partnerUpdated(try Validation.partner(partner))]
    }
    return partners.partner(code)!
  }

  /// Retires a partner: no new referrals to it; past referrals keep it.
  @discardableResult
  public func retirePartner(_ code: String, staff: String) throws -> Partner {
    try authorize(.editPartners, staff: staff)
    try perform(staff: staff) { context -> [Event] in
      guard let partner = PartnerDirectory(state: context.state).partner(code) else {
        throw GAIDeskError(.partnerUnknown, code)
      }
      guard partner.active else { throw GAIDeskError(.partnerRetired, code) }
      return [.partnerRetired(code: code)]
    }
    return partners.partner(code)!
  }

  /// Partners ranked for referring `visitorID` on `topic` from this office's island.
  public func suggestPartners(visitorID: String, topic: String) throws -> [PartnerSuggestion] {
    guard let visitor = state.canonicalVisitor(visitorID) else {
      throw GAIDeskError(.visitorUnknown, visitorID)
    }
    _ = try Validation.topics([topic])
    let island = ReferenceData.shipped.municipality(code)?.island
    return partners.suggest(
      topic: topic, island: island, languages: visitor.languages,
      sheet: KnowledgeBase(state: state).sheet(topic))
  }
}

extension Validation {
  /// A partner's fields checked against the reference data (code, name, topics, islands, languages,
  /// contacts), normalized as stored; the first problem is thrown.
  public static func partner(_ input: Partner) throws -> Partner {
    var p = input
    p.code = p.code.trimmingCharacters(in: .whitespaces).lowercased()
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
    guard (2...40).contains(p.code.count), p.code.allSatisfy(allowed.contains) else {
      throw GAIDeskError(.partnerCode, p.code)
    }
    p.name = try Validation.name(p.name, field: "name")
    p.short = try Validation.short(p.short, field: "short")
    p.kind = try Validation.short(p.kind, field: "kind") ?? "other"
    p.topics = try Validation.topics(p.topics)
    for island in p.islands where island != "*" && ReferenceData.shipped.island(island) == nil {
      throw GAIDeskError(.fieldIsland, island)
    }
    if p.islands.isEmpty { p.islands = ["*"] }
    p.languages = try Validation.languages(p.languages)
    p.phone = try Validation.phone(p.phone)
    p.email = try Validation.short(p.email, field: "email")
    p.address = try p.address.map {
      try Validation.text($0, field: "address", limit: 300, allowNewlines: false)
    }
    if p.address?.trimmingCharacters(in: .whitespaces).isEmpty == true { p.address = nil }
    for text in [p.note.pt, p.note.en, p.note.fr] { try Validation.text(text, field: "note") }
    return p
  }
}
