namespace DigitalKpi.Cli.Localization;

/// <summary>User-facing text of the tool in English and Vietnamese.</summary>
internal sealed class Strings
{
    private readonly bool vi;

    private Strings(UiLanguage language)
    {
        Language = language;
        vi = language == UiLanguage.Vi;
    }

    internal static Strings En { get; } = new(UiLanguage.En);

    internal static Strings Vi { get; } = new(UiLanguage.Vi);

    internal static Strings For(UiLanguage language) => language == UiLanguage.Vi ? Vi : En;

    internal UiLanguage Language { get; }

    private string T(string en, string viText) => vi ? viText : en;

    // ---- command line ----
    internal string RootDescription => T(
        "dkpi: check and report provincial digital-transformation (chuyển đổi số) KPIs.\n"
        + "Exit codes: 0 success; 1 consistency-rule errors (validate); 2 unreadable input, bad arguments or unwritable output.",
        "dkpi: kiểm tra và báo cáo các chỉ tiêu chuyển đổi số cấp tỉnh.\n"
        + "Mã thoát: 0 thành công; 1 có lỗi quy tắc nhất quán (validate); 2 không đọc được đầu vào, tham số sai hoặc không ghi được kết quả.");

    internal string ValidateDescription => T(
        "Check catalogs and measurement sets against the consistency rules DKPI001–DKPI012. Prints one line per finding as "
        + "'file(line,col): severity DKPI00N: message'. Exit code 0 when there is no error, 1 when a rule reports an error, "
        + "2 when a file cannot be read.",
        "Kiểm tra danh mục chỉ tiêu và bộ số liệu theo các quy tắc nhất quán DKPI001–DKPI012. Mỗi phát hiện in một dòng "
        + "'tệp(dòng,cột): mức DKPI00N: thông báo'. Mã thoát 0 khi không có lỗi, 1 khi có quy tắc báo lỗi, 2 khi không đọc được tệp.");

    internal string ValidateFilesDescription => T("Catalog and measurement-set files (JSON).", "Các tệp danh mục chỉ tiêu và bộ số liệu (JSON).");

    internal string SarifDescription => T("Also write the findings as SARIF 2.1.0 to this file.", "Ghi thêm các phát hiện dạng SARIF 2.1.0 vào tệp này.");

    internal string ReportDescription => T(
        "Evaluate targets against measurements as of a date and write a report: a table on the console, report.md and a "
        + "self-contained report.html with charts (opens in any browser, no network needed). Without --catalog and "
        + "--measurements it uses the built-in seed catalogs and results.",
        "Đánh giá mức đạt chỉ tiêu theo số liệu tại một ngày và ghi báo cáo: bảng trên màn hình, report.md và report.html "
        + "độc lập có biểu đồ (mở bằng mọi trình duyệt, không cần mạng). Không có --catalog và --measurements thì dùng "
        + "danh mục và kết quả mẫu có sẵn.");

    internal string OutDescription => T("Output folder.", "Thư mục kết quả.");

    internal string AsOfDescription => T("Evaluation date, yyyy-MM-dd (default: today in Vietnam).", "Ngày đánh giá, yyyy-MM-dd (mặc định: hôm nay theo giờ Việt Nam).");

    internal string LangDescription => T("Output language: vi or en (default: DKPI_LANG, else the system UI language).", "Ngôn ngữ kết quả: vi hoặc en (mặc định: DKPI_LANG, nếu không thì theo ngôn ngữ hệ thống).");

    internal string CatalogOptionDescription => T("Catalog files (JSON); repeat or list several.", "Các tệp danh mục chỉ tiêu (JSON); có thể lặp lại hoặc liệt kê nhiều tệp.");

    internal string MeasurementsOptionDescription => T("Measurement-set files (JSON); repeat or list several.", "Các tệp bộ số liệu (JSON); có thể lặp lại hoặc liệt kê nhiều tệp.");

    internal string NoColorDescription => T("Do not colour the console table (colours are off anyway when output is redirected or NO_COLOR is set).", "Không tô màu bảng trên màn hình (màu luôn tắt khi chuyển hướng đầu ra hoặc đặt NO_COLOR).");

    internal string QuietDescription => T("Print no progress and no summary on standard error.", "Không in tiến trình và tóm tắt ra luồng lỗi chuẩn.");

    internal string SchemaDescription => T("Write the JSON Schemas of catalog and measurement-set files.", "Ghi các JSON Schema của tệp danh mục chỉ tiêu và tệp bộ số liệu.");

    internal string SchemaOutDescription => T("Output folder.", "Thư mục kết quả.");

    internal string HelpOptionDescription => T("Show help and usage information.", "Hiện trợ giúp và cách dùng.");

    internal string VersionOptionDescription => T("Show version information.", "Hiện phiên bản.");

    internal string UsageHint => T("Run 'dkpi --help' for usage.", "Chạy 'dkpi --help' để xem cách dùng.");

    internal string BadDate(string text) => T(
        $"'{text}' is not a date: use yyyy-MM-dd, e.g. 2022-12-31.",
        $"'{text}' không phải là ngày: dùng dạng yyyy-MM-dd, ví dụ 2022-12-31.");

    internal string BadLang(string text) => T($"'{text}' is not a supported language: use vi or en.", $"'{text}' không phải ngôn ngữ được hỗ trợ: dùng vi hoặc en.");

    // ---- errors ----
    internal string FileNotFound => T("file not found", "không tìm thấy tệp");

    internal string CannotRead(string reason) => T("cannot read the file: " + reason, "không đọc được tệp: " + reason);

    internal string NotAKpiDocument(string reason) => T(
        "neither a catalog nor a measurement set (" + reason + ")",
        "không phải danh mục chỉ tiêu cũng không phải bộ số liệu (" + reason + ")");

    internal string CannotWrite(string path, string reason) => T($"cannot write '{path}': {reason}", $"không ghi được '{path}': {reason}");

    internal string InternalError(string message) => T(
        "internal error: " + message + " (set DKPI_DEBUG=1 to see the stack trace; please report it)",
        "lỗi nội bộ: " + message + " (đặt DKPI_DEBUG=1 để xem vết ngăn xếp; vui lòng báo lỗi)");

    internal string Cancelled => T("cancelled", "đã hủy");

    // ---- validate ----
    internal string ValidationSummary(int files, int errors, int warnings, int infos, int unreadable) => vi
        ? $"{files} tệp: {errors} lỗi, {warnings} cảnh báo, {infos} thông tin" + (unreadable > 0 ? $", {unreadable} tệp không đọc được" : string.Empty) + "."
        : $"{files} file{(files == 1 ? string.Empty : "s")}: {errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}, {infos} info"
          + (unreadable > 0 ? $", {unreadable} unreadable" : string.Empty) + ".";

    internal string SarifWritten(string path) => T("SARIF written to " + path, "Đã ghi SARIF vào " + path);

    internal string ProgressReading => T("Reading", "Đang đọc");

    internal string ProgressChecking => T("Checking", "Đang kiểm tra");

    internal string ProgressEvaluating => T("Evaluating", "Đang đánh giá");

    // ---- report ----
    internal string ReportWritten(string markdown, string html) => T($"Report written: {markdown}, {html}", $"Đã ghi báo cáo: {markdown}, {html}");

    internal string ReportTitle => T("Digital-transformation targets report", "Báo cáo chỉ tiêu chuyển đổi số");

    internal string AsOf => T("As of", "Tính đến ngày");

    internal string BuiltInData => T("built-in seed catalogs and results", "danh mục và kết quả mẫu có sẵn");

    internal string Inputs => T("Inputs", "Đầu vào");

    internal string Summary => T("Summary", "Tổng hợp");

    internal string Catalog => T("Catalog", "Danh mục");

    internal string Catalogs => T("catalogs", "danh mục");

    internal string TargetsWord => T("targets", "chỉ tiêu");

    internal string Unit => T("Unit", "Đơn vị");

    internal string Issued => T("Issued", "Ban hành");

    internal string Source => T("Source", "Nguồn");

    internal string NowPartOf(string names, string date) => T($"from {date} part of {names}", $"từ {date} thuộc {names}");

    internal string Pillar => T("Pillar", "Trụ cột");

    internal string Total => T("Total", "Tổng");

    internal string ColTarget => T("Target", "Mã chỉ tiêu");

    internal string ColIndicator => T("Indicator", "Chỉ số");

    internal string ColRequirement => T("Requirement", "Yêu cầu");

    internal string ColLevel => T("Level", "Cấp");

    internal string ColDeadline => T("Deadline", "Hạn");

    internal string ColBaseline => T("Baseline", "Cơ sở");

    internal string ColLatest => T("Latest", "Mới nhất");

    internal string ColStatus => T("Status", "Trạng thái");

    internal string ColRatio => T("Attainment", "Mức đạt");

    internal string ColProgress => T("Progress", "Tiến độ");

    internal string ColExpected => T("Expected", "Kỳ vọng");

    internal string ColGap => T("Gap", "Còn thiếu");

    internal string ColPace => T("Pace", "Nhịp độ");

    internal string ColPeriod => T("Period", "Kỳ");

    internal string ColValue => T("Value", "Giá trị");

    internal string ColObsStatus => T("Obs. status", "Tình trạng số liệu");

    internal string ChartAttainment => T("Attainment per target (100% = target reached)", "Mức đạt từng chỉ tiêu (100% = đạt chỉ tiêu)");

    internal string ChartMeasured => T("Attainment of every measured target (100% = target reached)", "Mức đạt của các chỉ tiêu đã có số liệu (100% = đạt chỉ tiêu)");

    internal string ChartPillars => T("Targets per pillar by status", "Số chỉ tiêu theo trụ cột và trạng thái");

    internal string ChartTrajectory => T("Trajectories: baseline → deadline, with measured values", "Lộ trình: từ giá trị cơ sở đến hạn, kèm các giá trị đo được");

    internal string Planned => T("planned path", "lộ trình kế hoạch");

    internal string Measured => T("measured", "số liệu đo");

    internal string TargetZone => T("target zone", "vùng đạt chỉ tiêu");

    internal string Deadline => T("deadline", "hạn");

    internal string NoTrajectory => T("No baseline and no measured value: nothing to draw.", "Chưa có giá trị cơ sở và số liệu: không có gì để vẽ.");

    internal string OtherResults => T("Reported results without a target in this catalog", "Kết quả báo cáo chưa gắn với chỉ tiêu trong danh mục này");

    internal string UnitsWithoutCatalog => T("Reported results for units without a catalog", "Kết quả báo cáo của đơn vị chưa có danh mục");

    internal string NoMeasuredTargets => T("No target of this catalog has a measured value yet.", "Chưa có chỉ tiêu nào của danh mục này có số liệu.");

    internal string NoTargets => T("No targets.", "Không có chỉ tiêu.");

    internal string Diagnostics => T("Consistency findings", "Phát hiện về tính nhất quán");

    internal string NoDiagnostics => T("No findings.", "Không có phát hiện nào.");

    internal string Notes => T("Notes", "Ghi chú");

    internal string NoteLevelNotMeasured => T(
        "measurements carry no administrative level; values for the province as a whole are not used for a district- or commune-level target",
        "số liệu không ghi cấp hành chính; số liệu toàn tỉnh không được dùng cho chỉ tiêu cấp huyện hoặc cấp xã");

    internal string NoteUnknownIndicator => T("indicator not defined in the loaded catalogs", "chỉ số chưa được định nghĩa trong các danh mục đã nạp");

    internal string NoteAspirational => T("aspirational (phấn đấu)", "phấn đấu");

    internal string NoteMaintain => T("must hold in every period (giữ vững)", "giữ vững trong mọi kỳ");

    internal string NoteStartsOn(string date) => T("in force from " + date, "áp dụng từ " + date);

    internal string NoteRefines(string id) => T("refines " + id, "cụ thể hóa " + id);

    internal string GeneratedBy => T("Generated by dkpi. Self-contained file: no scripts, fonts or network.", "Tạo bởi dkpi. Tệp độc lập: không dùng script, phông chữ ngoài hay mạng.");

    internal string HtmlLink => T("Charts: see report.html.", "Biểu đồ: xem report.html.");

    internal string Legend => T("Legend", "Chú giải");

    internal string Findings(int errors, int warnings, int infos) => T(
        $"{errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}, {infos} info",
        $"{errors} lỗi, {warnings} cảnh báo, {infos} thông tin");

    // ---- schema ----
    internal string SchemaWritten(string path) => T("Written " + path, "Đã ghi " + path);
}
