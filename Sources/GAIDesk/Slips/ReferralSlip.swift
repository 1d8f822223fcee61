/// A referral slip for the visitor to carry: where to go and what to bring, in the visitor's language.
public struct ReferralSlip: Equatable, Sendable {
  /// The language it is written in.
  public let language: Language
  /// The referral id.
  public let referralID: String
  /// The visitor's name.
  public let visitorName: String
  /// The office's name, e.g. `GAI Praia`.
  public let officeName: String
  /// The day it was made (YYYY-MM-DD).
  public let date: String
  /// The topic, in the slip's language ("Atendimento reservado" for a discreet topic).
  public let topic: String
  /// Whether the topic is one the slip must not tell (``Topic/isDiscreet``): no topic, no documents.
  public let discreet: Bool
  /// The partner's name (with its short name).
  public let partnerName: String
  /// The partner's known contacts, one per line; empty when none is known.
  public let contacts: [String]
  /// Whether the partner's contacts are still to be confirmed.
  public let contactsToConfirm: Bool
  /// Documents to bring (from the topic's knowledge sheet).
  public let documents: [String]
  /// The day to go by, when set.
  public let due: String?

  /// The language of a slip for a visitor who speaks `languages` (codes, most used first): the first of them
  /// a slip is written in, else Portuguese.
  public static func language(speaking languages: [String]) -> Language {
    languages.lazy.compactMap { Language(rawValue: $0) }.first ?? .portuguese
  }

  /// The slip for `referralID` as `state` has it, in `language` (default: the visitor's first language among
  /// pt/en/fr, else Portuguese).
  public static func make(referralID: String, state: OfficeState, language: Language? = nil) throws
    -> ReferralSlip
  {
    guard let referral = state.referrals[referralID] else {
      throw GAIDeskError(.referralUnknown, referralID)
    }
    let visitor = state.canonicalVisitor(referral.visitorID)
    let language = language ?? ReferralSlip.language(speaking: visitor?.languages ?? [])
    let partner = PartnerDirectory(state: state).partner(referral.partner)
    let sheet = KnowledgeBase(state: state).sheet(referral.topic)
    var contacts: [String] = []
    let strings = Strings.shared
    if let phone = partner?.phone { contacts.append(strings.text("slip.phone", [phone], language: language)) }
    if let email = partner?.email { contacts.append(strings.text("slip.email", [email], language: language)) }
    if let address = partner?.address {
      contacts.append(strings.text("slip.address", [address], language: language))
    }
    let office = state.office.flatMap { ReferenceData.shipped.municipality($0)?.name } ?? state.office ?? ""
    let topic = ReferenceData.shipped.topic(referral.topic)
    let discreet = topic?.isDiscreet == true
    return ReferralSlip(
      language: language, referralID: referral.id, visitorName: visitor?.fullName ?? referral.visitorID,
      officeName: "GAI " + office, date: LocalTime.day(referral.createdAt),
      topic: discreet
        ? strings.text("slip.discreet", language: language) : topic?.label(language) ?? referral.topic,
      discreet: discreet,
      partnerName: partner.map { p in p.short.map { "\(p.name) (\($0))" } ?? p.name } ?? referral.partner,
      contacts: contacts, contactsToConfirm: partner?.toConfirm ?? true || contacts.isEmpty,
      documents: discreet ? [] : sheet?.content(language).documents ?? [], due: referral.due)
  }

  /// The slip as plain text lines, ready to print (UTF-8).
  public var lines: [String] {
    let s = Strings.shared
    func t(_ key: String, _ args: String...) -> String { s.text(key, args, language: language) }
    var out = [t("slip.title"), officeName, String(repeating: "=", count: 40)]
    out.append(t("slip.visitor", visitorName))
    out.append(t("slip.reference", referralID, LocalTime.shown(date, language: language)))
    out.append(t("slip.topic", topic))
    out.append("")
    out.append(t("slip.goTo"))
    out.append("  " + partnerName)
    out.append(contentsOf: contacts.map { "  " + $0 })
    if contactsToConfirm { out.append("  " + t("slip.toConfirm")) }
    if let due { out.append(t("slip.due", LocalTime.shown(due, language: language))) }
    out.append("")
    out.append(t("slip.bring"))
    if documents.isEmpty { out.append("  " + t(discreet ? "slip.bring.discreet" : "slip.bring.none")) }
    out.append(contentsOf: documents.map { "  [ ] " + $0 })
    out.append("")
    out.append(t("slip.footer"))
    return out
  }

  /// The slip as one text, lines ended by newlines.
  public var text: String { lines.joined(separator: "\n") + "\n" }
}
