import ArgumentParser
import GAIDesk

/// `gaidesk demo`: fills an office with generated activity for trials and benchmarks.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Fill the office with realistic generated visitors, visits and referrals (for trials).")

  @OptionGroup var options: OfficeOptions
  @Option(help: "How many visitors to register.") var visitors = 200
  @Option(help: "Over how many days before today.") var days = 30
  @Option(help: "Random seed (the same seed gives the same office).") var seed: UInt64 = 2026

  func run() throws {
    options.applyLanguage()
    let visitors = try Validation.count(visitors, field: "visitors", in: 0...5_000_000)
    let days = try Validation.count(days, field: "days", in: 1...3650)
    let office = try options.open()
    var generator = DemoGenerator(seed: seed)
    let summary = try generator.fill(office, visitors: visitors, days: days)
    office.saveSnapshot()
    if options.json {
      Console.json([
        "visitors": summary.visitors, "visits": summary.visits, "referrals": summary.referrals,
        "records": summary.records,
      ])
    } else {
      Console.say(
        "demo.done", String(summary.visitors), String(summary.visits), String(summary.referrals),
        String(summary.records))
    }
  }
}
