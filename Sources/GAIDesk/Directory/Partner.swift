/// A text in the three languages of the program (any may be empty).
public struct LocalizedText: Equatable, Sendable, Codable {
  /// Portuguese.
  public var pt: String
  /// English.
  public var en: String
  /// French.
  public var fr: String

  /// Creates a text; missing languages stay empty.
  public init(pt: String = "", en: String = "", fr: String = "") {
    self.pt = pt
    self.en = en
    self.fr = fr
  }

  /// The text in `language`, else Portuguese, else whichever is not empty.
  public func text(_ language: Language) -> String {
    let wanted =
      switch language {
      case .portuguese: pt
      case .english: en
      case .french: fr
      }
    return [wanted, pt, en, fr].first { !$0.isEmpty } ?? ""
  }

  /// A copy with the text in `language` replaced.
  public func setting(_ language: Language, to text: String) -> LocalizedText {
    var copy = self
    switch language {
    case .portuguese: copy.pt = text
    case .english: copy.en = text
    case .french: copy.fr = text
    }
    return copy
  }
}

/// A partner service a GAI refers visitors to: which topics it handles, on which islands, in which languages.
/// Contact fields not known for certain stay empty and `toConfirm` is set: never a made-up number.
public struct Partner: Equatable, Sendable {
  /// Code, e.g. `def`.
  public var code: String
  /// Full name, e.g. `Direção de Estrangeiros e Fronteiras`.
  public var name: String
  /// Short name, e.g. `DEF`.
  public var short: String?
  /// Kind: government, municipal, health, education, justice, ngo, international, consulate, other.
  public var kind: String
  /// Topic codes it handles.
  public var topics: [String]
  /// Island codes it serves; `*` means every island.
  public var islands: [String]
  /// Languages it works in (ISO 639 codes).
  public var languages: [String]
  /// Telephone, when known for certain.
  public var phone: String?
  /// E-mail, when known for certain.
  public var email: String?
  /// Address, when known for certain.
  public var address: String?
  /// Whether contacts (or presence) are still to be confirmed locally.
  public var toConfirm: Bool
  /// What it does, in pt/en/fr.
  public var note: LocalizedText
  /// False once the office retired it (it stays in past referrals).
  public var active: Bool

  /// Creates a partner; contacts empty and to confirm unless given.
  public init(
    code: String, name: String, short: String? = nil, kind: String = "other", topics: [String] = [],
    islands: [String] = ["*"], languages: [String] = ["pt"], phone: String? = nil, email: String? = nil,
    address: String? = nil, toConfirm: Bool = true, note: LocalizedText = LocalizedText(), active: Bool = true
  ) {
    self.code = code
    self.name = name
    self.short = short
    self.kind = kind
    self.topics = topics
    self.islands = islands
    self.languages = languages
    self.phone = phone
    self.email = email
    self.address = address
    self.toConfirm = toConfirm
    self.note = note
    self.active = active
  }

  /// Whether it has any contact detail recorded.
  public var hasContacts: Bool { phone != nil || email != nil || address != nil }
}

extension Partner: Decodable {
  private enum Keys: String, CodingKey {
    case code, name, short, kind, topics, islands, languages, phone, email, address, toConfirm, note, active
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    self.init(
      code: try c.decode(String.self, forKey: .code), name: try c.decode(String.self, forKey: .name),
      short: try c.decodeIfPresent(String.self, forKey: .short),
      kind: try c.decodeIfPresent(String.self, forKey: .kind) ?? "other",
      topics: try c.decodeIfPresent([String].self, forKey: .topics) ?? [],
      islands: try c.decodeIfPresent([String].self, forKey: .islands) ?? ["*"],
      languages: try c.decodeIfPresent([String].self, forKey: .languages) ?? [],
      phone: try c.decodeIfPresent(String.self, forKey: .phone),
      email: try c.decodeIfPresent(String.self, forKey: .email),
      address: try c.decodeIfPresent(String.self, forKey: .address),
      toConfirm: try c.decodeIfPresent(Bool.self, forKey: .toConfirm) ?? true,
      note: try c.decodeIfPresent(LocalizedText.self, forKey: .note) ?? LocalizedText(),
      active: try c.decodeIfPresent(Bool.self, forKey: .active) ?? true)
  }
}
