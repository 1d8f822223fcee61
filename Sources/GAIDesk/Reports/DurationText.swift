extension DurationStats {
  /// Seconds as minutes and seconds, e.g. `2 min 44 s`, or a dash when there is none (the one formatter of
  /// the CLI, the screens and the reports).
  public static func text(_ seconds: Int?) -> String {
    guard let seconds else { return "—" }
    let s = seconds % 60
    return "\(seconds / 60) min \(s < 10 ? "0" : "")\(s) s"
  }
}
