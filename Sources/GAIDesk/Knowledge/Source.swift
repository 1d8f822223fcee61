/// A public source a sheet line or a partner entry rests on: a law and article, or a page, and when it was checked.
public struct Source: Equatable, Sendable, Codable {
  /// Code, e.g. `aai-residencia`.
  public let id: String
  /// What it is, e.g. `Lei 66/VIII/2014, art. 9` or a page's title.
  public let title: String
  /// Where to read it, when it is online.
  public let url: String?
  /// Day it was last checked (YYYY-MM-DD).
  public let checked: String
}

/// The sources shipped in `Resources/data/sources.json`.
public enum SourceCatalogue {
  /// Every shipped source, in file order.
  public static let shipped: [Source] = ReferenceData.load("sources.json") ?? []
  private static let byID: [String: Source] = Dictionary(
    shipped.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

  /// The source with `id`.
  public static func source(_ id: String) -> Source? { byID[id] }
}

/// What a line or a contact rests on.
public enum Backing: Equatable, Sendable {
  /// A public source.
  case source(Source)
  /// No source: to confirm locally before relying on it.
  case toConfirm
  /// Written by the office itself (not shipped): to confirm unless confirmed locally.
  case office
}
