import ArgumentParser
import GAIDesk

/// `gaidesk staff …`: the office's accounts (administrators add, remove and change roles).
struct StaffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "staff", abstract: Help.t("The office's accounts: add, remove, list, change a role."),
    subcommands: [Add.self, Remove.self, List.self, SetRole.self])

  /// Reads `--role`.
  static func role(_ text: String) throws -> StaffRole {
    guard let role = StaffRole(rawValue: text) else { throw GAIDeskError(.roleUnknown, text) }
    return role
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Add an account; its passphrase is asked twice (administrators only)."),
      discussion: Help.examples("staff.add"))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The person's name.")) var name: String
    @Option(
      help: Help.t("front-desk, supervisor or administrator."),
      completion: .list(StaffRole.allCases.map(\.rawValue))) var role: String
    @Option(
      help: Help.t("Read the new passphrase from this file instead of asking for it."), completion: .file())
    var newPassphraseFile: String?
    @Option(help: .hidden) var scryptLogN: Int = ScryptParameters.defaultLogN

    func run() throws {
      let role = try StaffCommand.role(role)
      let scryptLogN = try Validation.count(
        scryptLogN, field: "scrypt-log-n", in: ScryptParameters.acceptedLogN)
      let office = try options.open()
      let actor = try options.actor(office)
      try office.authorize(.manageAccounts, staff: actor)
      let passphrase = try Passphrase.obtainNew(file: newPassphraseFile)
      let account = try office.addAccount(
        name: name, role: role, passphrase: passphrase, staff: actor, scryptLogN: scryptLogN)
      if options.json {
        Console.json(JSONView.account(account))
      } else {
        Console.say("staff.added", account.name, account.role.rawValue)
      }
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t(
        "Remove an account: its slot is deleted and records written from now on use keys it never held."),
      discussion: Help.examples("staff.remove"))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The person's name.")) var name: String

    func run() throws {
      let office = try options.open()
      try office.removeAccount(name: name, staff: try options.actor(office))
      if options.json {
        Console.json(["removed": name])
      } else {
        Console.say("staff.removed", name)
      }
    }
  }

  struct SetRole: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "role", abstract: Help.t("Change an account's role (administrators only)."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The person's name.")) var name: String
    @Option(
      help: Help.t("front-desk, supervisor or administrator."),
      completion: .list(StaffRole.allCases.map(\.rawValue))) var role: String

    func run() throws {
      let role = try StaffCommand.role(role)
      let office = try options.open()
      try office.changeRole(name: name, to: role, staff: try options.actor(office))
      if options.json {
        Console.json(["name": name, "role": role.rawValue])
      } else {
        Console.say("staff.role", name, role.rawValue)
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("List the office's accounts and their roles."))
    @OptionGroup var options: OfficeOptions

    func run() throws {
      let office = try options.open()
      let accounts = office.state.accounts.active
      if options.json { return Console.json(accounts.map(JSONView.account)) }
      for account in accounts {
        let mark = account.id == office.account?.id ? "*" : " "
        let role = account.role.rawValue
        print("\(mark) \(Console.pad(account.name, 28)) \(Console.term(role) ?? role) (\(role))")
      }
    }
  }
}

/// `gaidesk passphrase change`: replaces one's own key slot.
struct PassphraseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "passphrase", abstract: Help.t("Change your own passphrase."), subcommands: [Change.self])

  struct Change: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Change the passphrase of the account that opens the office (asked twice)."),
      discussion: Help.examples("passphrase.change"))
    @OptionGroup var options: OfficeOptions
    @Option(
      help: Help.t("Read the new passphrase from this file instead of asking for it."), completion: .file())
    var newPassphraseFile: String?
    @Option(help: .hidden) var scryptLogN: Int = ScryptParameters.defaultLogN

    func run() throws {
      let scryptLogN = try Validation.count(
        scryptLogN, field: "scrypt-log-n", in: ScryptParameters.acceptedLogN)
      let office = try options.open()
      _ = try options.actor(office)
      try office.changePassphrase(
        to: try Passphrase.obtainNew(file: newPassphraseFile), scryptLogN: scryptLogN)
      if options.json { Console.json(["changed": true]) } else { Console.say("passphrase.changed") }
    }
  }
}
