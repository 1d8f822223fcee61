import GAIDesk

/// The progress line of a long bundle job on stderr: one line per pass (reading, writing, verifying,
/// importing), shown only for bundles of at least `threshold` records.
final class BundleProgressLine {
  private let threshold: Int
  private var step: BundleStep?
  private var line: Progress?

  /// A line for jobs of at least `threshold` records.
  init(threshold: Int = 10_000) { self.threshold = threshold }

  /// Hears the job (pass to `exportBundle`, `importBundles` or `backup`).
  func update(_ step: BundleStep, _ done: Int, _ total: Int) {
    guard total >= threshold else { return }
    if step != self.step {
      line?.finish()
      self.step = step
      line = Progress(label: Console.text(BundleProgressLine.key(step)), total: total)
    }
    line?.update(done)
  }

  /// Clears the line.
  func finish() { line?.finish() }

  private static func key(_ step: BundleStep) -> String {
    switch step {
    case .reading: "bundle.progress.reading"
    case .writing: "bundle.progress.writing"
    case .verifying: "bundle.progress"
    case .importing: "bundle.progress.importing"
    }
  }
}
