extension OfficeState {
  /// Why `staff` may not perform `action`, or nil when they may: not an account of the office, or a role the
  /// matrix (`Permissions`) does not allow. An office whose journal names no account yet refuses nothing.
  public func refusal(_ action: Action, staff: String) -> GAIDeskError? {
    guard !accounts.active.isEmpty else { return nil }
    guard let account = accounts.account(named: staff) else { return GAIDeskError(.accountUnknown, staff) }
    guard !account.role.may(action) else { return nil }
    // Arguments are terms (`term.…` in the string tables) that every translator shows as words.
    let least = Permissions.roles(for: action).first ?? .administrator
    return GAIDeskError(
      .roleRefused, account.name, account.role.rawValue, "action." + action.rawValue,
      "least." + least.rawValue)
  }
}
