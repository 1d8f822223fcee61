import Foundation
import GAIDesk

extension AppModel {
  /// Holds `effects` behind a "check the date" box when they write, the date was not confirmed this session
  /// and the core's `clockWarning(now:)` finds the PC's clock wrong; otherwise returns them.
  mutating func checkingClock(_ effects: [Effect]) -> [Effect] {
    guard !clockConfirmed, effects.contains(where: \.isWrite), let warning = state.clockWarning(now: now)
    else { return effects }
    overlay = .confirmClock(warning, effects: effects, busy: busy)
    busy = nil
    return []
  }

  /// The "check the date" question: the newest record's date and time and the PC's.
  func clockMessage(_ warning: ClockWarning) -> String {
    let pc = tr.date(today) + " " + LocalTime.clock(WallTime(now))
    switch warning {
    case .behind(let newest):
      return tr("clock.behind", tr.date(LocalTime.day(newest)) + " " + LocalTime.clock(newest), pc)
    case .ahead(let newest):
      return tr("clock.ahead", tr.date(LocalTime.day(newest)) + " " + LocalTime.clock(newest), pc)
    }
  }
}
