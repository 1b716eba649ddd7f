package fr.wastetrace.registry.export;

import fr.wastetrace.registry.register.LineColumns;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * XLSX through POI's streaming API (SXSSF): only the last {@value #WINDOW} rows stay in memory, the others go to a
 * compressed temporary file, which is deleted when the workbook is closed.
 */
final class XlsxLineWriter implements LineWriter {
    private static final int WINDOW = 100;

    private final OutputStream stream;
    /** The index in a line's values of each file column. */
    private final int[] indexes;
    /** Whether the field at that index is a date: looked up once, not for each cell. */
    private final boolean[] dates;
    /** The last day computed in each column. */
    private final CellFormat.Days[] days;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private int rowIndex;

    XlsxLineWriter(OutputStream stream, List<String> fields, Map<String, String> labels, Set<String> dateFields) {
        this.stream = stream;
        this.indexes = fields.stream().mapToInt(f -> LineColumns.of(f).index()).toArray();
        this.dates = new boolean[fields.size()];
        this.days = new CellFormat.Days[fields.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = dateFields.contains(fields.get(i));
            days[i] = new CellFormat.Days();
        }
        this.workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet("Registre");
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(rowIndex++);
        for (int i = 0; i < fields.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(labels.get(fields.get(i)));
            cell.setCellStyle(bold);
        }
    }

    @Override
    public void line(Object[] values) {
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < indexes.length; i++) {
            Object value = values[indexes[i]];
            if (value == null) {
                continue;
            }
            if (value instanceof Double number) {
                row.createCell(i).setCellValue(number);
            } else {
                row.createCell(i).setCellValue(CellFormat.text(value, dates[i], days[i]));
            }
        }
    }

    @Override
    public void finish() throws IOException {
        workbook.write(stream);
        stream.flush();
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }
}
