// Reads an XLSX workbook the way a spreadsheet user would see it, for the end-to-end scenarios:
// every sheet with its header row and its rows of typed values (numbers, dates, text).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs');

export async function readWorkbook(buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const sheets = {};
  workbook.eachSheet(sheet => {
    const rows = [];
    sheet.eachRow({ includeEmpty: false }, row => rows.push(row.values.slice(1)));
    sheets[sheet.name] = { headers: rows[0] ?? [], rows: rows.slice(1) };
  });
  return sheets;
}
