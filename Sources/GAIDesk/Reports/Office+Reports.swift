extension Office {
  /// The day's figures for the supervisor (`gaidesk day`, the day tab), for a role that may open them.
  public func dayReport(day: String, staff: String) throws -> DayReport {
    try authorize(.supervisorFigures, staff: staff)
    return DayReport(state: state, day: day, office: code)
  }

  /// The month's figures for the AAI (`gaidesk report month`, the month tab, exports), for a role that may
  /// export reports.
  public func monthReport(month: String, staff: String) throws -> MonthReport {
    try authorize(.exportReports, staff: staff)
    return MonthReport(state: state, month: month, office: code)
  }
}
