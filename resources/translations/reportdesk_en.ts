<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AcceptWarningDialog</name>
    <message>
        <source>接受警告</source>
        <translation>Accept warning</translation>
    </message>
    <message>
        <source>请写明接受这条警告的理由（会保存在草稿中，并列入 Excel 的“校验结果”）：</source>
        <translation>Why is this warning accepted? (Kept in the draft and listed in the Excel sheet “校验结果”):</translation>
    </message>
    <message>
        <source>例如：{0}</source>
        <translation>For example: {0}</translation>
    </message>
    <message>
        <source>常见理由：</source>
        <translation>Common reasons: </translation>
    </message>
    <message>
        <source>接受</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BalanceStrip</name>
    <message>
        <source>勾稽关系</source>
        <translation>Cross-checks</translation>
    </message>
    <message>
        <source>一 + 二</source>
        <translation>I + II</translation>
    </message>
    <message>
        <source>（七）总计 + 四</source>
        <translation>(7) Total + IV</translation>
    </message>
    <message>
        <source>差额</source>
        <translation>Difference</translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <source>空</source>
        <extracomment>Keys that end an edit and where the cursor goes after it: (rows, columns).</extracomment>
        <translation>Blank</translation>
    </message>
</context>
<context>
    <name>DraftController</name>
    <message>
        <source>修改“{0}”</source>
        <translation>Edit “{0}”</translation>
    </message>
    <message>
        <source>修改 {0} 个单元格</source>
        <translation>Edit {0} cells</translation>
    </message>
</context>
<context>
    <name>DraftWorkspace</name>
    <message>
        <source>上一步</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>本部分已自查</source>
        <translation>Self-reviewed</translation>
    </message>
    <message>
        <source>自查后如再改动本部分的数字或文字，标记会变红，提醒重新自查。</source>
        <translation>If a figure or the text of this part changes after the review, the mark turns red as a reminder to review it again.</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>在右侧（代替填写说明）显示报告印出来的样子，随填写自动更新（F6）</source>
        <translation>Show the report as it will print on the right (in place of the guidance), updated as you type (F6)</translation>
    </message>
    <message>
        <source>&lt;b&gt;检查结果&lt;/b&gt;</source>
        <translation>&lt;b&gt;Check results&lt;/b&gt;</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>检查与导出</source>
        <translation>Check and export</translation>
    </message>
    <message>
        <source>全部检查完成：{0} 个错误，{1} 个提示。</source>
        <translation>Full check done: {0} errors, {1} warnings.</translation>
    </message>
    <message>
        <source>错误不能接受，只能改正。</source>
        <translation>Errors cannot be accepted, only corrected.</translation>
    </message>
    <message>
        <source>填写姓名</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>请填写您的姓名（记录谁自查、谁标记完成；只需填写一次）：</source>
        <translation>Please enter your name (it records who reviewed and who marked the report complete; asked only once):</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>本部分已自查（{0}，{1}）</source>
        <translation>Self-reviewed ({0}, {1})</translation>
    </message>
    <message>
        <source>本部分已自查，但之后有改动，请重新自查</source>
        <translation>Self-reviewed, but changed since: please review again</translation>
    </message>
    <message>
        <source>
…另有 {0} 个错误</source>
        <translation>
… and {0} more errors</translation>
    </message>
    <message>
        <source>不能标记为已完成</source>
        <translation>Cannot mark as complete</translation>
    </message>
    <message>
        <source>还有 {0} 个错误，改正后才能标记为已完成：
{1}{2}</source>
        <translation>{0} errors remain; correct them before marking the report complete:
{1}{2}</translation>
    </message>
    <message>
        <source>还有 {0} 个错误，不能标记为已完成。</source>
        <translation>{0} errors remain; the report cannot be marked complete.</translation>
    </message>
    <message>
        <source>已标记为已完成（{0}，{1}）。</source>
        <translation>Marked as complete ({0}, {1}).</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>&lt;h2&gt;检查与导出&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Check and export&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>标记为已完成…</source>
        <translation>Mark as complete…</translation>
    </message>
    <message>
        <source>重新运行全部检查；没有错误时记录完成人和时间。有错误时不能标记。</source>
        <translation>Runs every check again; with no errors, records who marked the report complete and when. Not possible while errors remain.</translation>
    </message>
    <message>
        <source>尚未标记为已完成。</source>
        <translation>Not marked as complete yet.</translation>
    </message>
    <message>
        <source>已完成：{0}，{1}</source>
        <translation>Complete: {0}, {1}</translation>
    </message>
    <message>
        <source>{0} 于 {1} 标记为已完成，之后又有修改，请重新标记。</source>
        <translation>{0} marked it complete on {1}; it has changed since, please mark it again.</translation>
    </message>
    <message>
        <source>还有 {0} 个错误、{1} 个提示。错误会导致报告被退回，请先逐条处理（点击条目可直接定位）；现在导出的文件只宜供内部审阅。</source>
        <translation>{0} errors and {1} warnings remain. Errors get a report sent back: resolve them one by one first (click an entry to go to it); a file exported now is fit for internal review only.</translation>
    </message>
    <message>
        <source>没有错误，还有 {1} 个提示，请逐条核对后再导出。</source>
        <translation>No errors; {1} warnings remain. Review each one before exporting.</translation>
    </message>
    <message>
        <source>全部检查通过，可以导出。</source>
        <translation>All checks passed. The report is ready to export.</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Word（.docx）</source>
        <translation>Word (.docx)</translation>
    </message>
    <message>
        <source>Excel（.xlsx）</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>未找到 LibreOffice，无法生成 PDF。可导出 Word 后在 Word / WPS 中另存为 PDF。</source>
        <translation>LibreOffice was not found, so no PDF can be made. Export to Word, then save as PDF in Word or WPS.</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>三张统计表放在文末附件中（默认放在第二、三、四部分下）</source>
        <translation>Put the three tables in an annex at the end (by default they go under parts II, III and IV)</translation>
    </message>
    <message>
        <source>表格位置</source>
        <translation>Table placement</translation>
    </message>
    <message>
        <source>文末署名单位和日期</source>
        <translation>Signing body and date at the end</translation>
    </message>
    <message>
        <source>如 2024-01-20，可留空</source>
        <translation>e.g. 2024-01-20; may be left blank</translation>
    </message>
    <message>
        <source>署名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <source>请至少选择一种格式。</source>
        <translation>Choose at least one format.</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出：
</source>
        <translation>Exported:
</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>接受此警告…</source>
        <translation>Accept this warning…</translation>
    </message>
    <message>
        <source>核实无误的警告可以写明理由后接受；错误不能接受，只能改正。</source>
        <translation>A warning you have verified can be accepted with a reason; errors cannot be accepted, only corrected.</translation>
    </message>
    <message>
        <source>撤销接受</source>
        <translation>Withdraw acceptance</translation>
    </message>
    <message>
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>{0} 个错误，{1} 个提示，{2} 个已接受</source>
        <translation>{0} errors, {1} warnings, {2} accepted</translation>
    </message>
    <message>
        <source>{0} 个错误，{1} 个提示</source>
        <translation>{0} errors, {1} warnings</translation>
    </message>
    <message>
        <source>〔已接受〕{0}
理由：{1}</source>
        <translation>[Accepted] {0}
Reason: {1}</translation>
    </message>
    <message>
        <source>
已接受，理由：{0}
（相关数字或文字改动后会重新打开）</source>
        <translation>
Accepted, reason: {0}
(reopens when a figure or the text involved changes)</translation>
    </message>
    <message>
        <source>
（曾接受，理由：{0}；相关数字或文字已改动，请重新核对）</source>
        <translation>
(accepted before, reason: {0}; a figure or the text involved has changed, please check again)</translation>
    </message>
</context>
<context>
    <name>GuidancePane</name>
    <message>
        <source>示例</source>
        <translation>Examples</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>使用指南</source>
        <translation>User&apos;s guide</translation>
    </message>
</context>
<context>
    <name>MetaPage</name>
    <message>
        <source>&lt;h2&gt;基本信息&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Basic information&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>如：某市人力资源和社会保障局</source>
        <translation>e.g. 某市人力资源和社会保障局 (the body’s full Chinese name)</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Body name</translation>
    </message>
    <message>
        <source>报告年度</source>
        <translation>Report year</translation>
    </message>
    <message>
        <source>如：2024年1月20日</source>
        <translation>e.g. 2024年1月20日</translation>
    </message>
    <message>
        <source>报告开头的说明：编制依据、统计期限（自某年1月1日起至12月31日止）、发布网址、联系方式。</source>
        <translation>The opening statement: legal basis, reporting period (1 January to 31 December), publication URL and contact details.</translation>
    </message>
</context>
<context>
    <name>NewReportDialog</name>
    <message>
        <source>新建报告</source>
        <translation>New report</translation>
    </message>
    <message>
        <source>如：某市人力资源和社会保障局</source>
        <translation>e.g. 某市人力资源和社会保障局 (the body’s full Chinese name)</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Body name</translation>
    </message>
    <message>
        <source>报告年度</source>
        <translation>Report year</translation>
    </message>
    <message>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写单位名称，如“某市人力资源和社会保障局”。</source>
        <translation>Enter the body’s name, e.g. “某市人力资源和社会保障局”.</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>自动计算，不能直接填写。</source>
        <extracomment>Extra data roles the delegate and the views read. Findings that need no tint: a blank cell already looks blank.</extracomment>
        <translation>Calculated automatically; it cannot be typed in.</translation>
    </message>
    <message>
        <source>空白（没有数据请填 0）</source>
        <translation>Blank (enter 0 when there is nothing to report)</translation>
    </message>
</context>
<context>
    <name>ReportTableView</name>
    <message>
        <source>清除 {0} 个单元格</source>
        <translation>Clear {0} cells</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>剪贴板里没有可粘贴的文字。</source>
        <translation>The clipboard holds no text to paste.</translation>
    </message>
</context>
<context>
    <name>ReportWindow</name>
    <message>
        <source>ReportDesk 政府信息公开工作年度报告</source>
        <translation>ReportDesk – Annual Report on Government Information Disclosure</translation>
    </message>
    <message>
        <source>新建报告…</source>
        <translation>New report…</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>打开示例报告</source>
        <translation>Open the sample report</translation>
    </message>
    <message>
        <source>立即保存</source>
        <translation>Save now</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>关闭报告</source>
        <translation>Close report</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>全部检查</source>
        <translation>Check everything</translation>
    </message>
    <message>
        <source>标记为已完成…</source>
        <translation>Mark as complete…</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>使用指南</source>
        <translation>User&apos;s guide</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open the log folder</translation>
    </message>
    <message>
        <source>关于 ReportDesk</source>
        <translation>About ReportDesk</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>报告(&amp;R)</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>找不到使用指南</source>
        <translation>User&apos;s guide not found</translation>
    </message>
    <message>
        <source>文件不存在：{0}。请重新安装 ReportDesk。</source>
        <translation>The file does not exist: {0}. Please reinstall ReportDesk.</translation>
    </message>
    <message>
        <source>无法打开日志文件夹</source>
        <translation>Cannot open the log folder</translation>
    </message>
    <message>
        <source>日志文件夹在：{0}</source>
        <translation>The log folder is: {0}</translation>
    </message>
    <message>
        <source>ReportDesk {0}
政府信息公开工作年度报告的填报、检查与导出。</source>
        <translation>ReportDesk {0}
Compile, check and export the annual report on government information disclosure.</translation>
    </message>
    <message>
        <source>无法新建报告</source>
        <translation>Cannot create the report</translation>
    </message>
    <message>
        <source>无法在 {0} 创建草稿：{1}</source>
        <translation>Cannot create a draft in {0}: {1}</translation>
    </message>
    <message>
        <source>无法打开示例报告</source>
        <translation>Cannot open the sample report</translation>
    </message>
    <message>
        <source>打开报告草稿</source>
        <translation>Open a report draft</translation>
    </message>
    <message>
        <source>ReportDesk 草稿 (*{0})</source>
        <translation>ReportDesk drafts (*{0})</translation>
    </message>
    <message>
        <source>草稿已在使用中</source>
        <translation>The draft is in use</translation>
    </message>
    <message>
        <source>无法打开草稿</source>
        <translation>Cannot open the draft</translation>
    </message>
    <message>
        <source>文件不存在：{0}</source>
        <translation>The file does not exist: {0}</translation>
    </message>
    <message>
        <source>保存出错</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>另存为失败</source>
        <translation>Save as failed</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>{0} {1}年度报告 — ReportDesk</source>
        <translation>{0} – {1} annual report — ReportDesk</translation>
    </message>
</context>
<context>
    <name>SectionNavigator</name>
    <message>
        <source>完成 %v / %m 步</source>
        <translation>%v of %m steps done</translation>
    </message>
    <message>
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <source>  ✓已自查</source>
        <translation>  ✓ reviewed</translation>
    </message>
    <message>
        <source>  ✗自查后有改动</source>
        <translation>  ✗ changed since review</translation>
    </message>
    <message>
        <source>已完成：{0}，{1}</source>
        <translation>Complete: {0}, {1}</translation>
    </message>
    <message>
        <source>{0} 于 {1} 标记为已完成，之后又有修改，请重新检查并标记。</source>
        <translation>{0} marked it complete on {1}; it has changed since, please check and mark it again.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>&lt;h1&gt;政府信息公开工作年度报告&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Annual Report on Government Information Disclosure&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>按国办公开办函〔2021〕30号格式填报，边填边检查，随时自动保存。</source>
        <translation>Fill in the report in the official format (国办公开办函〔2021〕30号); it is checked as you type and saved automatically.</translation>
    </message>
    <message>
        <source>新建报告…</source>
        <translation>New report…</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>打开示例报告</source>
        <translation>Open the sample report</translation>
    </message>
    <message>
        <source>&lt;b&gt;最近的草稿&lt;/b&gt;（双击打开）</source>
        <translation>&lt;b&gt;Recent drafts&lt;/b&gt; (double-click to open)</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>最后修改</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <source>完成度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>还没有草稿。点击“新建报告…”开始，或打开示例报告看看。</source>
        <translation>No drafts yet. Click “New report…” to begin, or open the sample report to look around.</translation>
    </message>
    <message>
        <source>（未填单位）</source>
        <translation>(no body name)</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <source>已完成（{0}）</source>
        <translation>Complete ({0})</translation>
    </message>
</context>
<context>
    <name>TableSectionPage</name>
    <message>
        <source>将空白单元格填为 0</source>
        <translation>Fill blank cells with 0</translation>
    </message>
    <message>
        <source>直接输入数字；Enter 下移，Tab 右移，Delete 清除；可从 Excel/WPS 复制整块粘贴（Ctrl+V）。</source>
        <translation>Type numbers directly; Enter moves down, Tab moves right, Delete clears; you can copy a block from Excel/WPS and paste it (Ctrl+V).</translation>
    </message>
    <message>
        <source>将 {0} 个空白单元格填为 0</source>
        <translation>Fill {0} blank cells with 0</translation>
    </message>
    <message>
        <source>已将 {0} 个空白单元格填为 0（可撤销）。</source>
        <translation>Filled {0} blank cells with 0 (can be undone).</translation>
    </message>
    <message>
        <source>本表没有空白单元格。</source>
        <translation>This table has no blank cells.</translation>
    </message>
</context>
<context>
    <name>TextSectionPage</name>
    <message>
        <source>插入官方小标题</source>
        <translation>Insert the official headings</translation>
    </message>
    <message>
        <source>插入数据段落</source>
        <translation>Insert data paragraph</translation>
    </message>
    <message>
        <source>按表格中的数字写出标准段落，插入到光标处；表格改动后可一键更新。</source>
        <translation>Writes the standard paragraph from the table figures at the cursor; it can be updated with one click when the tables change.</translation>
    </message>
    <message>
        <source>按表格中的数字写出依申请公开和复议诉讼的标准段落，插入到“（二）依申请公开”之下。</source>
        <translation>Writes the standard paragraphs on applications and on appeals from the table figures, under “（二）依申请公开”.</translation>
    </message>
    <message>
        <source>插入前言</source>
        <translation>Insert preamble</translation>
    </message>
    <message>
        <source>按基本信息写出前言：编制依据、六个部分、统计期限、发布网站和联系方式。</source>
        <translation>Writes the preamble from the report details: legal basis, the six parts, the reporting period, where it is published and whom to contact.</translation>
    </message>
    <message>
        <source>更新数据段落</source>
        <translation>Update data paragraphs</translation>
    </message>
    <message>
        <source>可点击“插入官方小标题”，按以下结构填写：
</source>
        <translation>You can click “Insert the official headings” and write under this structure:
</translation>
    </message>
    <message>
        <source>查看表格中的数字</source>
        <translation>Show the figure in the table</translation>
    </message>
    <message>
        <source>{0} 字</source>
        <translation>{0} characters</translation>
    </message>
    <message>
        <source>文中已有按当前数字写出的数据段落。</source>
        <translation>The text already has the data paragraph with the current figures.</translation>
    </message>
    <message>
        <source>表格中的数字已改动：文中有 {0} 段插入的数据段落与表格不一致。</source>
        <translation>Table figures have changed: {0} inserted data paragraphs in the text no longer match the tables.</translation>
    </message>
</context>
</TS>
