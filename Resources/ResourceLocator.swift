import Foundation

/// The reference data files shipped inside the program (embedded in the code at build time).
public enum ResourceLocator {
  /// Every shipped file by its path under `Resources/data`, e.g. `places.json` or `strings/cli.json`.
  /// A test checks that this lists every file in the folder.
  public static let files: [String: [UInt8]] = [
    "authority.json": PackageResources.authority_json,
    "countries.json": PackageResources.countries_json,
    "languages.json": PackageResources.languages_json,
    "partners.json": PackageResources.partners_json,
    "places.json": PackageResources.places_json,
    "sheets.json": PackageResources.sheets_json,
    "sources.json": PackageResources.sources_json,
    "topics.json": PackageResources.topics_json,
    "strings/bundles.json": PackageResources.bundles_json,
    "strings/cli.json": PackageResources.cli_json,
    "strings/core.json": PackageResources.core_json,
    "strings/export.json": PackageResources.export_json,
    "strings/frontdesk.json": PackageResources.frontdesk_json,
    "strings/help.json": PackageResources.help_json,
    "strings/knowledge.json": PackageResources.knowledge_json,
    "strings/ui.json": PackageResources.ui_json,
  ]

  /// The contents of the shipped file at `path`, or nil when it is not shipped.
  public static func data(for path: String) -> Data? { files[path].map { Data($0) } }

  /// The paths of the shipped files in `folder` (e.g. `strings`), sorted.
  public static func paths(in folder: String) -> [String] {
    files.keys.filter { $0.hasPrefix(folder + "/") }.sorted()
  }
}
