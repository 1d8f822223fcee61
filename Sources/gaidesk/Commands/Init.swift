import ArgumentParser
import Foundation
import GAIDesk

/// `gaidesk init --office CODE --staff NAME`: creates the office, its first administrator and its recovery
/// code (shown once).
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: Help.t(
      "Create the office: identity, the first administrator's key slot, a recovery code and an empty journal."
    ),
    discussion: Help.examples("init"))

  @OptionGroup var options: OfficeOptions

  @Option(help: Help.t("The municipality code of the office, e.g. praia, sal, sao-vicente."))
  var office: String

  @Option(help: Help.t("The name of the first administrator (default: $GAIDESK_STAFF)."))
  var staff: String?

  @Option(help: .hidden)
  var scryptLogN: Int = ScryptParameters.defaultLogN

  func run() throws {
    options.applyLanguage()
    let paths = options.paths
    guard !paths.exists else { throw GAIDeskError(.officeExists, paths.root) }
    _ = try ReferenceData.shipped.requireMunicipality(office)
    guard let name = staff ?? ProcessInfo.processInfo.environment["GAIDESK_STAFF"],
      !name.trimmingCharacters(in: .whitespaces).isEmpty
    else { throw GAIDeskError(.staffNone) }
    let scryptLogN = try Validation.count(
      scryptLogN, field: "scrypt-log-n", in: ScryptParameters.acceptedLogN)
    let passphrase = try Passphrase.obtain(file: options.passphraseFile, confirm: true)
    let created = try Office.create(
      at: paths, office: office, passphrase: passphrase, staff: name, scryptLogN: scryptLogN)
    let municipality = ReferenceData.shipped.municipality(office)?.name ?? office
    let code = created.recoveryCode ?? ""
    if options.json {
      Console.json(["office": created.code, "data": paths.root, "administrator": name, "recoveryCode": code])
    } else {
      Console.say("init.done", municipality, paths.root)
      Console.say("init.recovery", code)
    }
  }
}
