import ArgumentParser
import GAIDesk

/// `gaidesk demo`: fills an office with generated activity for trials and benchmarks.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: Help.t("Fill the office with realistic generated visitors, visits and referrals (for trials)."),
    discussion: Help.examples("demo"))

  @OptionGroup var options: OfficeOptions
  @Option(help: Help.t("How many visitors to register.")) var visitors = 200
  @Option(help: Help.t("Over how many days before today.")) var days = 30
  @Option(help: Help.t("Random seed (the same seed gives the same office).")) var seed: UInt64 = 2026

  func run() throws {
    options.applyLanguage()
    let visitors = try Validation.count(visitors, field: "visitors", in: 0...5_000_000)
    let days = try Validation.count(days, field: "days", in: 1...3650)
    let office = try options.open()
    guard office.state.visitors.isEmpty && office.state.visits.isEmpty else {
      throw GAIDeskError(.demoNotEmpty, options.paths.root, String(office.state.visitors.count))
    }
    var generator = DemoGenerator(seed: seed)
    let meter = Progress(label: Console.text("progress.demo"), total: days)
    let summary = try generator.fill(office, visitors: visitors, days: days) { done, summary in
      meter.update(done, detail: Console.text("progress.demo.detail", [String(summary.visitors)]))
    }
    meter.finish()
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
