import ArgumentParser
import Foundation
import GAIDesk

/// `gaidesk backup DIR` (or `--to DIR`) and `gaidesk backup --check DIR`.
struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: Help.t(
      "Back the office up to a folder (a USB stick), or check such a backup without the office folder."))
  @OptionGroup var options: OfficeOptions
  @Argument(help: Help.t("The folder to back up to (the same as --to)."))
  var folder: String?
  @Option(help: Help.t("Back up to this folder: the first time everything, later only what it lacks."))
  var to: String?
  @Option(help: Help.t("Check the backup in this folder (needs the passphrase, not the office folder)."))
  var check: String?

  func validate() throws {
    guard [folder, to, check].compactMap({ $0 }).count == 1 else {
      throw ValidationError(Console.text("backup.which"))
    }
  }

  func run() throws {
    if let check { return try runCheck(check) }
    guard let to = to ?? folder else { throw ValidationError(Console.text("backup.which")) }
    let office = try options.open()
    let line = BundleProgressLine()
    let result = try office.backup(to: to, progress: line.update)
    line.finish()
    if options.json {
      Console.json([
        "folder": to, "bundle": result.bundle.map { $0 as Any } ?? NSNull(), "records": result.records,
        "held": result.held,
        "bytes": result.bytes,
      ])
    } else if let bundle = result.bundle {
      Console.say("backup.done", to, String(result.records), bundle)
    } else {
      Console.say("backup.upToDate", to)
    }
  }

  private func runCheck(_ folder: String) throws {
    options.applyLanguage()
    let report = try Office.checkBackup(
      in: folder, passphrase: try Passphrase.obtain(file: options.passphraseFile))
    if options.json {
      Console.json([
        "intact": report.isIntact, "office": report.office.office, "bundles": report.bundles,
        "records": report.records, "origins": report.origins,
        "problems": report.problems.map { Console.text($0.key, $0.args) },
      ])
    } else {
      Console.say(
        "backup.checked", report.office.office, String(report.bundles), String(report.records),
        String(report.origins))
      for problem in report.problems {
        Console.say("backup.problem", Console.text(problem.key, problem.args))
      }
      if report.isIntact { Console.say("backup.intact") }
    }
    if !report.isIntact { throw ExitCode(ExitStatus.damaged.rawValue) }
  }
}

/// `gaidesk restore --from DIR --data NEWDIR`: a new PC, or a PC whose disk died.
struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: Help.t("Restore a backup into a new data folder; this PC then writes as a new origin."))
  @OptionGroup var options: OfficeOptions
  @Option(help: Help.t("The backup folder.")) var from: String

  func run() throws {
    options.applyLanguage()
    let (office, summary, skipped) = try Office.restore(
      from: from, to: options.paths, passphrase: try Passphrase.obtain(file: options.passphraseFile))
    for problem in skipped { FileHandleOutput.warn(Console.text(problem.key, problem.args)) }
    let origins = office.journal.versionVector.filter { $0.value > 0 }.count
    if options.json {
      Console.json([
        "data": options.paths.root, "records": summary.added, "origins": origins, "origin": office.origin.hex,
        "skipped": skipped.map { Console.text($0.key, $0.args) },
        "parked": summary.parked.map { ["origin": $0.origin.hex, "from": $0.from, "through": $0.through] },
      ])
    } else {
      Console.say(
        "restore.done", String(summary.added), String(origins), options.paths.root,
        String(office.origin.hex.prefix(8)))
    }
    if !skipped.isEmpty || !summary.parked.isEmpty { throw ExitCode(ExitStatus.damaged.rawValue) }
  }
}
