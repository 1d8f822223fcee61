import ArgumentParser
import GAIDesk

/// `gaidesk init --office CODE`: creates the office in the data directory.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Create the office: identity, key slot and empty journal.")

  @OptionGroup var options: OfficeOptions

  @Option(help: "The municipality code of the office, e.g. praia, sal, sao-vicente.")
  var office: String

  @Option(help: .hidden)
  var scryptLogN: Int = KeySlot.defaultLogN

  func run() throws {
    options.applyLanguage()
    let paths = options.paths
    guard !paths.exists else { throw GAIDeskError("error.office.exists", paths.root) }
    guard ReferenceData.shipped.municipality(office) != nil else {
      throw GAIDeskError(
        "error.office.unknown", office,
        ReferenceData.shipped.municipalities.map(\.code).joined(separator: ", "))
    }
    let scryptLogN = try Validation.count(scryptLogN, field: "scrypt-log-n", in: KeySlot.acceptedLogN)
    let passphrase = try Passphrase.obtain(file: options.passphraseFile, confirm: true)
    let created = try Office.create(
      at: paths, office: office, passphrase: passphrase, staff: options.staff, scryptLogN: scryptLogN)
    let name = ReferenceData.shipped.municipality(office)?.name ?? office
    if options.json {
      Console.json(["office": created.code, "data": paths.root])
    } else {
      Console.say("init.done", name, paths.root)
    }
  }
}
