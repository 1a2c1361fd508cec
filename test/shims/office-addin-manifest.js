// Stand-in for office-addin-manifest in jest: office-addin-mock only reads this enum.
"use strict";
const OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
module.exports = { OfficeApp };
