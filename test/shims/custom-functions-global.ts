// The CustomFunctions global that Excel's runtime provides, for tests of src/functions in Node.
class CellErrorShim {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

Object.assign(globalThis, {
  CustomFunctions: {
    Error: CellErrorShim,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: () => undefined,
  },
});
