import ArgumentParser
import Foundation
import GAIDesk

/// Options every office command takes: where the data is, the passphrase, the output form. Whoever the
/// passphrase belongs to acts.
struct OfficeOptions: ParsableArguments {
  @Option(
    name: .long,
    help: Help.t("The office data directory (default: $GAIDESK_DATA, else $XDG_DATA_HOME/gaidesk)."),
    completion: .directory)
  var data: String?

  @Option(
    name: .long,
    help: Help.t("Read the passphrase from this file instead of $GAIDESK_PASSPHRASE or a prompt."),
    completion: .file())
  var passphraseFile: String?

  @Flag(name: .long, help: Help.t("Print stable JSON instead of text."))
  var json = false

  @Option(
    name: .long,
    help: Help.t(
      "Language of messages: pt, en or fr (else $GAIDESK_LANG, else the language chosen with F2 at this PC's desk, else pt)."
    ), completion: .list(["pt", "en", "fr"]))
  var lang: String?

  /// The resolved data directory.
  var paths: OfficePaths { OfficePaths.resolve(explicit: data) }

  /// Applies the language choice and opens the office.
  func open() throws -> Office {
    applyLanguage()
    let office = try Office.open(at: paths, passphrase: try Passphrase.obtain(file: passphraseFile))
    for warning in office.slotWarnings {
      FileHandleOutput.warn(Console.text(warning.key, warning.args))
    }
    // A warm opening did not read what the cache covered: check it against the hashes the cache kept.
    office.checkCoveredHistory()
    // Damage makes every figure partial: say where on stderr, and end with the damaged exit status.
    Console.damage = office.damage
    Console.incompleteTails = office.journal.incompleteTails
    Console.medium = office.medium
    if let medium = office.medium {
      let key =
        switch medium.cause {
        case .readOnlyFileSystem: "warning.medium.read-only-file-system"
        case .noPermission: "warning.medium.no-permission"
        case .diskFull: "warning.medium.disk-full"
        }
      FileHandleOutput.warn(Console.text(key, [medium.path]))
      if office.isConvertedInMemory { FileHandleOutput.warn(Console.text("warning.medium.olderFormat")) }
    }
    for damage in office.damage {
      FileHandleOutput.warn(
        Console.text("warning.damage.partial", [damage.segment, String(damage.offset), damage.reason]))
    }
    for repair in office.journal.repairs {
      FileHandleOutput.warn(Console.text("warning.tornTail", [repair.description]))
    }
    for tail in office.journal.incompleteTails {
      let origin = String(tail.segment.split(separator: "/").dropFirst().first?.prefix(8) ?? "")
      FileHandleOutput.warn(Console.text("warning.incompleteTail", [origin, tail.description]))
    }
    for notice in office.notices {
      switch notice {
      case .behindMark(let origin, let sequence):
        FileHandleOutput.warn(Console.text("notice.behindMark", [origin.hex, String(sequence)]))
      case .forked(let origin):
        FileHandleOutput.warn(Console.text("notice.forked", [origin.hex]))
      case .cacheCoveredMore(let origin, let sequence):
        FileHandleOutput.warn(Console.text("notice.cacheCoveredMore", [origin.hex, String(sequence)]))
      }
    }
    let now = WallClock.now()
    switch office.clockWarning(now: now) {
    case .behind(let newest)?:
      FileHandleOutput.warn(
        Console.text("warning.clock.behind", [Self.stamp(WallTime(now)), Self.stamp(newest)]))
    case .ahead(let newest)?:
      FileHandleOutput.warn(
        Console.text("warning.clock.ahead", [Self.stamp(WallTime(now)), Self.stamp(newest)]))
    case nil: break
    }
    return office
  }

  /// A wall time as the local day and hour.
  private static func stamp(_ time: WallTime) -> String { LocalTime.day(time) + " " + LocalTime.clock(time) }

  /// Sets the message language from --lang, $GAIDESK_LANG or the saved settings.
  func applyLanguage() {
    if let code = lang ?? ProcessInfo.processInfo.environment["GAIDESK_LANG"]
      ?? Office.settings(paths: paths).language,
      let language = Language(code: code)
    {
      Console.language = language
    }
  }

  /// Who acts: the account whose passphrase opened the office. Refused while the journal does not name it yet
  /// (a restored folder before its bundles are imported), unless the journal names no account at all and
  /// opens read-only (its first record damaged, or an office from before accounts on a medium that refuses
  /// writes): then figures can still be read, and a write meets the refusal that says why.
  func actor(_ office: Office) throws -> String {
    if let account = office.account { return account.name }
    guard office.isReadOnly || office.medium != nil, office.state.accounts.active.isEmpty else {
      throw GAIDeskError(.staffNone)
    }
    return office.actorName
  }
}
