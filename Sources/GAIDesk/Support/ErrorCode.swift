/// Every failure the program reports, by code; its message (pt, en, fr) is in the string tables under
/// the raw value, and its exit status is `status`.
public enum ErrorCode: String, CaseIterable, Sendable {
  case commandUnknown = "error.command.unknown"
  case consentNothing = "error.consent.nothing"
  case consentShare = "error.consent.share"
  case demoNotEmpty = "error.demo.notEmpty"
  case diskFull = "error.disk.full"
  case diskIO = "error.disk.io"
  case exportSeparator = "error.export.separator"
  case exportTerminal = "error.export.terminal"
  case fieldBirthYear = "error.field.birthYear"
  case fieldControl = "error.field.control"
  case fieldDate = "error.field.date"
  case fieldDateRange = "error.field.dateRange"
  case fieldEmpty = "error.field.empty"
  case fieldEncoding = "error.field.encoding"
  case fieldIsland = "error.field.island"
  case fieldLanguage = "error.field.language"
  case fieldMunicipality = "error.field.municipality"
  case fieldNationality = "error.field.nationality"
  case fieldPhone = "error.field.phone"
  case fieldRange = "error.field.range"
  case fieldSex = "error.field.sex"
  case fieldTooLong = "error.field.tooLong"
  case fieldTopic = "error.field.topic"
  case fieldYesNo = "error.field.yesNo"
  case followupDone = "error.followup.done"
  case followupUnknown = "error.followup.unknown"
  case journalReadonly = "error.journal.readonly"
  case journalRecordTooLarge = "error.journal.recordTooLarge"
  case keyslotCorrupt = "error.keyslot.corrupt"
  case keyslotMissing = "error.keyslot.missing"
  case keyslotNewer = "error.keyslot.newer"
  case langUnknown = "error.lang.unknown"
  case mergeAlready = "error.merge.already"
  case mergeKeepMerged = "error.merge.keepMerged"
  case mergeNotMerged = "error.merge.notMerged"
  case mergeSame = "error.merge.same"
  case officeBusy = "error.office.busy"
  case officeCorrupt = "error.office.corrupt"
  case officeExists = "error.office.exists"
  case officeMissing = "error.office.missing"
  case officeNewer = "error.office.newer"
  case officeUnknown = "error.office.unknown"
  case partnerCode = "error.partner.code"
  case partnerExists = "error.partner.exists"
  case partnerRetired = "error.partner.retired"
  case partnerUnknown = "error.partner.unknown"
  case passphraseFile = "error.passphrase.file"
  case passphraseMismatch = "error.passphrase.mismatch"
  case passphraseNone = "error.passphrase.none"
  case passphraseShort = "error.passphrase.short"
  case passphraseWrong = "error.passphrase.wrong"
  case printFailed = "error.print.failed"
  case printNone = "error.print.none"
  case queueEmpty = "error.queue.empty"
  case referralBadReason = "error.referral.badReason"
  case referralClosed = "error.referral.closed"
  case referralReason = "error.referral.reason"
  case referralStatus = "error.referral.status"
  case referralTransition = "error.referral.transition"
  case referralUnknown = "error.referral.unknown"
  case reportFormat = "error.report.format"
  case reportMonth = "error.report.month"
  case sheetFile = "error.sheet.file"
  case sheetMissing = "error.sheet.missing"
  case slipLanguage = "error.slip.language"
  case staffNone = "error.staff.none"
  case stdoutWrite = "error.stdout.write"
  case uiFailed = "error.ui.failed"
  case uiLocale = "error.ui.locale"
  case uiNotTerminal = "error.ui.notTerminal"
  case uiTerm = "error.ui.term"
  case uiUnavailable = "error.ui.unavailable"
  case usage = "error.usage"
  case visitClosed = "error.visit.closed"
  case visitNoTopic = "error.visit.noTopic"
  case visitNotWaiting = "error.visit.notWaiting"
  case visitUnknown = "error.visit.unknown"
  case visitorDuplicate = "error.visitor.duplicate"
  case visitorUnknown = "error.visitor.unknown"

  /// The exit status a script sees for this failure (the table in docs/EXIT-STATUS.md).
  public var status: ExitStatus {
    switch self {
    case .commandUnknown, .followupUnknown, .keyslotMissing, .officeMissing, .partnerUnknown, .passphraseFile,
      .queueEmpty, .referralUnknown, .sheetFile, .sheetMissing, .visitUnknown, .visitorUnknown:
      .notFound
    case .passphraseWrong: .wrongPassphrase
    case .journalReadonly, .keyslotCorrupt, .officeCorrupt: .damaged
    case .officeBusy: .busy
    case .printFailed, .printNone, .uiFailed, .uiLocale, .uiNotTerminal, .uiTerm, .uiUnavailable:
      .deviceUnavailable
    case .diskFull, .diskIO, .stdoutWrite: .writeFailed
    default: .refused
    }
  }
}
