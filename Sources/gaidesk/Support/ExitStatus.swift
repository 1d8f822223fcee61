/// Exit statuses with a meaning of their own (0 is success, 1 a refusal or failure).
enum ExitStatus {
  /// The office was read but its journal is damaged: what was shown is partial (as `verify` on damage).
  static let damaged: Int32 = 2
}
