// The shared test offices (`TestOffice`, `FrontDeskFixture`, `TemporaryDirectory`, `runPropertyCases`, …)
// for every file of this target, including tests written before they moved out of it.
@_exported import GAIDeskTestSupport
