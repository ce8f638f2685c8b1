<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AcceptWarningDialog</name>
    <message>
        <source>本单位无规章制定权，规章栏为上级文件转发数</source>
        <translation>This body has no rule-making power; the 规章 row counts documents forwarded from above</translation>
    </message>
    <message>
        <source>本年确有文件到期失效，现行有效的文件因此减少</source>
        <translation>Some documents expired this year, so fewer are in force</translation>
    </message>
    <message>
        <source>上年报告的结转数有误，本年已按实际更正</source>
        <translation>Last year&apos;s carried-forward figure was wrong; this year uses the actual figure</translation>
    </message>
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
    <name>AppErrors</name>
    <message>
        <source>文件中没有读到任何数字或文字，不像一份年度报告。</source>
        <translation>No figure or text was found in the file; it does not look like an annual report.</translation>
    </message>
    <message>
        <source>上年报告是 {0} 年的，本报告是 {1} 年的：上年报告应早于本年。请改报告年度或另选上年报告。</source>
        <translation>Last year&apos;s report is for {0} and this report is for {1}: last year&apos;s report must be earlier. Change the report year or choose another report.</translation>
    </message>
</context>
<context>
    <name>BalanceStrip</name>
    <message>
        <source>空</source>
        <translation>blank</translation>
    </message>
    <message>
        <source>勾稽关系</source>
        <translation>Cross-checks</translation>
    </message>
    <message>
        <source>差额</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>空白应为 {0}</source>
        <translation>blanks must be {0}</translation>
    </message>
    <message>
        <source>有空白</source>
        <translation>blanks</translation>
    </message>
    <message>
        <source>空白不是 0：请填写实际数字，没有的填 0。</source>
        <translation>A blank is not 0: type the actual figure, or 0 if there is none.</translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <source>“{0}”是多个数字（含制表符或换行），一个格子只能填一个数字；整块数字请按 Esc 退出编辑后再按 Ctrl+V 粘贴。</source>
        <translation>“{0}” is several figures (tabs or line breaks); a cell holds one figure. To paste a block, press Esc to stop editing, then Ctrl+V.</translation>
    </message>
    <message>
        <source>“{0}”中间有空格，看不出是一个数字还是几个；一个格子只填一个数字，若是 {1} 请去掉空格。</source>
        <translation>“{0}” has a space inside: one figure or several? A cell holds one figure; if it is {1}, remove the space.</translation>
    </message>
    <message>
        <source>空</source>
        <translation>Blank</translation>
    </message>
    <message>
        <source>“{0}”没有改动（输入的内容没有写入）：{1}</source>
        <translation>“{0}” is unchanged (what was typed was not written): {1}</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>内存不足。</source>
        <translation>Out of memory.</translation>
    </message>
    <message>
        <source>数据嵌套过深，无法处理。</source>
        <translation>The data is nested too deeply to be processed.</translation>
    </message>
    <message>
        <source>没有读写文件的权限。</source>
        <translation>No permission to read or write the file.</translation>
    </message>
    <message>
        <source>要用的文件不见了。</source>
        <translation>A file that was needed has disappeared.</translation>
    </message>
    <message>
        <source>读写文件时出错（系统错误 {0}）。</source>
        <translation>Reading or writing a file failed (system error {0}).</translation>
    </message>
    <message>
        <source>程序内部错误（{0}）。</source>
        <translation>Internal error ({0}).</translation>
    </message>
    <message>
        <source>草稿已保存，重新打开即可继续。</source>
        <translation>The draft was saved; open it again to go on.</translation>
    </message>
    <message>
        <source>草稿未能保存，最近一秒内的修改可能丢失。</source>
        <translation>The draft could not be saved; changes of the last second may be lost.</translation>
    </message>
    <message>
        <source>详细记录已写入：{0}</source>
        <translation>The details were written to: {0}</translation>
    </message>
    <message>
        <source>无法写入错误记录。</source>
        <translation>The error log could not be written.</translation>
    </message>
    <message>
        <source>程序遇到意外错误：{0}</source>
        <translation>ReportDesk met an unexpected error: {0}</translation>
    </message>
    <message>
        <source>请将该记录发给技术支持。</source>
        <translation>Please send that log to technical support.</translation>
    </message>
</context>
<context>
    <name>DraftController</name>
    <message>
        <source>撤销：{0}</source>
        <translation>Undo: {0}</translation>
    </message>
    <message>
        <source>修改“{0}”</source>
        <translation>Edit “{0}”</translation>
    </message>
    <message>
        <source>修改 {0} 个单元格</source>
        <translation>Edit {0} cells</translation>
    </message>
    <message>
        <source>从上年报告结转 {0} 个数字</source>
        <translation>Carry {0} figures over from last year&apos;s report</translation>
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
        <source>隐藏说明</source>
        <translation>Hide guidance</translation>
    </message>
    <message>
        <source>收起右侧的填写说明，给表格和文字留出更多地方（会记住）</source>
        <translation>Hide the guidance on the right to give the tables and text more room (remembered)</translation>
    </message>
    <message>
        <source>&lt;b&gt;检查结果&lt;/b&gt;</source>
        <translation>&lt;b&gt;Check results&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{0}（改正或按 Esc 取消后才能离开本页）</source>
        <translation>{0} (correct it or press Esc to cancel before leaving this page)</translation>
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
        <source>导出前请处理全部错误：有错误的报告会被审核退回。
提示不一定是错误，但每一条都请核对一遍。
导出的 Word 文件按官方格式排版，表格与官方表格一致。</source>
        <translation>Deal with every error before exporting: reviewers send back reports with errors.
A warning is not necessarily an error, but check each one.
The exported Word file is typeset in the official format, with the official tables.</translation>
    </message>
    <message>
        <source>状态：{0}。{1}</source>
        <translation>Status: {0}. {1}</translation>
    </message>
    <message>
        <source>全部检查完成：{0} 个错误，{1} 个提示。</source>
        <translation>Full check done: {0} errors, {1} warnings.</translation>
    </message>
    <message>
        <source>已将 {0} 个空白单元格填为 0（可撤销）。</source>
        <translation>Filled {0} blank cells with 0 (can be undone).</translation>
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
    <message>
        <source>显示说明</source>
        <translation>Show guidance</translation>
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
        <source>文件夹“{0}”不存在，请重新选择保存位置。</source>
        <translation>The folder “{0}” does not exist; please choose where to save again.</translation>
    </message>
    <message>
        <source>报告还有错误</source>
        <translation>The report still has errors</translation>
    </message>
    <message>
        <source>报告还有 {0} 个错误，导出的文件会被审核退回。

仍要导出吗？导出的文件每页页眉标有“内部审阅稿 — 尚有 {0} 个错误”，只宜内部审阅。</source>
        <translation>The report still has {0} errors; exported files would be sent back by the reviewers.

Export anyway? Every page header of the files will read “内部审阅稿 — 尚有 {0} 个错误” (internal review copy); they are for internal review only.</translation>
    </message>
    <message>
        <source>仍然导出（内部审阅稿）</source>
        <translation>Export anyway (internal review copy)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已取消导出，没有写入任何文件。</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>文件已存在</source>
        <translation>The file exists</translation>
    </message>
    <message>
        <source>保存位置已有同名文件：
{0}

可以另存为新文件（{1}），或覆盖原文件。</source>
        <translation>Files with the same name are already there:
{0}

Save as new files ({1}), or replace the existing ones.</translation>
    </message>
    <message>
        <source>另存为新文件</source>
        <translation>Save as new files</translation>
    </message>
    <message>
        <source>覆盖原文件</source>
        <translation>Replace the existing files</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <source>PDF 中替代的字体：</source>
        <translation>Fonts substituted in the PDF: </translation>
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
    <message>
        <source>本机已安装所选字体。</source>
        <translation>The chosen fonts are installed on this computer.</translation>
    </message>
    <message>
        <source>{0} → Word 将改用 {1}</source>
        <translation>{0} → Word will use {1}</translation>
    </message>
    <message>
        <source>（本机也没有，由 Word/WPS 自行替代）</source>
        <translation> (not installed either; Word/WPS will substitute)</translation>
    </message>
    <message>
        <source>本机缺少所选字体，在本机打开时：</source>
        <translation>This computer lacks some chosen fonts; opened here: </translation>
    </message>
    <message>
        <source>。文件中仍写所选字体，在装有这些字体的电脑上按原字体显示和打印。</source>
        <translation>. The file still asks for the chosen fonts, so computers that have them show and print them.</translation>
    </message>
</context>
<context>
    <name>FileFilters</name>
    <message>
        <source>ReportDesk 草稿</source>
        <translation>ReportDesk drafts</translation>
    </message>
    <message>
        <source>Word 报告</source>
        <translation>Word reports</translation>
    </message>
    <message>
        <source>Excel 报告</source>
        <translation>Excel reports</translation>
    </message>
    <message>
        <source>PDF 报告（含文字）</source>
        <translation>PDF reports (with text)</translation>
    </message>
    <message>
        <source>网页（发布的报告页面）</source>
        <translation>Web pages (the published report)</translation>
    </message>
    <message>
        <source>旧版 Word / WPS 文字（需要 LibreOffice）</source>
        <translation>Old Word / WPS Writer (needs LibreOffice)</translation>
    </message>
    <message>
        <source>旧版 Excel / WPS 表格（需要 LibreOffice）</source>
        <translation>Old Excel / WPS Spreadsheets (needs LibreOffice)</translation>
    </message>
    <message>
        <source>JSON 报告</source>
        <translation>JSON reports</translation>
    </message>
    <message>
        <source>报告和草稿 ({0})</source>
        <translation>Reports and drafts ({0})</translation>
    </message>
    <message>
        <source>报告文件 ({0})</source>
        <translation>Report files ({0})</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
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
        <source>将空白单元格填为 0</source>
        <translation>Fill blank cells with 0</translation>
    </message>
    <message>
        <source>把这条提示列出的空白单元格都填为 0（可撤销）；有数字的格子请直接填写实际数字。</source>
        <translation>Fill every blank cell of this finding with 0 (can be undone); type the actual figure where there is one.</translation>
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
        <source>第一份报告</source>
        <translation>First report</translation>
    </message>
    <message>
        <source>使用指南</source>
        <translation>User&apos;s guide</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>导入说明</source>
        <extracomment>Summary lines that need a look (from ``ImportSummary.lines()`` and the session&apos;s notes).</extracomment>
        <translation>Import notes</translation>
    </message>
    <message>
        <source>请核对这一项：导入时没有按官方格式对上。</source>
        <translation>Please check this item: it did not match the official format on import.</translation>
    </message>
    <message>
        <source>没有导入说明：这份草稿不是从文件导入的。</source>
        <translation>No import notes: this draft was not imported from a file.</translation>
    </message>
    <message>
        <source>有 {0} 项需要核对：请对照原文件检查相关数字，缺少的请补填。</source>
        <translation>{0} items need checking: compare the figures with the original file and fill in what is missing.</translation>
    </message>
    <message>
        <source>所有内容都已按官方格式对上。请仍对照原文件抽查几个数字。</source>
        <translation>Everything matched the official format. Still, spot-check a few figures against the original file.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>复制全部</source>
        <translation>Copy all</translation>
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
        <source>选择上年报告…</source>
        <translation>Choose last year&apos;s report…</translation>
    </message>
    <message>
        <source>（未选择，可以不选）</source>
        <translation>(none chosen; optional)</translation>
    </message>
    <message>
        <source>上年的报告：{0}。
本年“上年结转”一行从上年“结转下年度继续办理”带入，并检查跨年度的一致性。</source>
        <translation>Last year&apos;s report: {0}.
This year&apos;s “上年结转” row is carried from last year&apos;s “结转下年度继续办理”, and the cross-year checks run.</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>上年报告</source>
        <translation>Last year&apos;s report</translation>
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
        <source>选择上年报告</source>
        <translation>Choose last year&apos;s report</translation>
    </message>
    <message>
        <source>无法读取上年报告 {0}：{1}</source>
        <translation>Cannot read last year&apos;s report {0}: {1}</translation>
    </message>
    <message>
        <source>{0} 不能作为上年报告：{1}</source>
        <translation>{0} cannot be last year&apos;s report: {1}</translation>
    </message>
    <message>
        <source>{0}（{1} {2}年）</source>
        <translation>{0} ({1}, {2})</translation>
    </message>
    <message>
        <source>未写单位</source>
        <translation>no body named</translation>
    </message>
    <message>
        <source>请填写单位名称，如“某市人力资源和社会保障局”。</source>
        <translation>Enter the body’s name, e.g. “某市人力资源和社会保障局”.</translation>
    </message>
</context>
<context>
    <name>PastePlan</name>
    <message>
        <source>已粘贴 {0} 个数字</source>
        <translation>Pasted {0} figures</translation>
    </message>
    <message>
        <source>（按粘贴内容中的行、列标签对齐）</source>
        <translation> (aligned by the row and column labels in the pasted block)</translation>
    </message>
    <message>
        <source>其中 {0} 个经过转换（全角数字、千位分隔符、“/”等）</source>
        <translation>{0} of them converted (full-width digits, thousands separators, &quot;/&quot; and the like)</translation>
    </message>
    <message>
        <source>拒绝 {0} 个：{1} {2}</source>
        <translation>{0} refused: {1} {2}</translation>
    </message>
    <message>
        <source>跳过 {0} 个合计（合计自动计算）</source>
        <translation>{0} totals skipped (totals are computed)</translation>
    </message>
    <message>
        <source>等 {0} 处</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <source>注意：粘贴内容中的合计与各项之和不符——{0}粘贴的是 {1}，各项相加是 {2}{3}，请核对原表</source>
        <translation>Note: a total in the pasted block disagrees with its parts — {0}: pasted {1}, the parts add up to {2}{3}; please check the source table</translation>
    </message>
    <message>
        <source>空</source>
        <translation>blank</translation>
    </message>
    <message>
        <source>等 {0} 个</source>
        <translation> and others, {0} in all</translation>
    </message>
    <message>
        <source>未能放置：{0}{1}，这些数字没有写入</source>
        <translation>Not placed: {0}{1}; these figures were not written</translation>
    </message>
    <message>
        <source>标签{0}与本表的行对不上，其后的数字按位置粘贴</source>
        <translation>The labels {0} match no row of this table; the figures after them were pasted by position</translation>
    </message>
    <message>
        <source>粘贴内容超过 {0} 行或 {1} 列，其余部分没有读取</source>
        <translation>The pasted block has more than {0} rows or {1} columns; the rest was not read</translation>
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
    <message>
        <source>从上年报告的“结转下年度继续办理”结转而来（改动后即为本年填写）。</source>
        <translation>Carried over from last year&apos;s “carried forward to next year” (once changed, it counts as typed this year).</translation>
    </message>
    <message>
        <source>从文件导入。</source>
        <translation>Imported from a file.</translation>
    </message>
    <message>
        <source>上年：{0}</source>
        <translation>Last year: {0}</translation>
    </message>
    <message>
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <source>错误：{0}</source>
        <translation>Error: {0}</translation>
    </message>
    <message>
        <source>提示：{0}</source>
        <translation>Warning: {0}</translation>
    </message>
</context>
<context>
    <name>ReportTableView</name>
    <message>
        <source>“{0}”是自动计算的合计，不能直接填写；输入没有写入。</source>
        <translation>“{0}” is a computed total and cannot be typed into; nothing was entered.</translation>
    </message>
    <message>
        <source>这里是标签或表头，不能填写；输入没有写入。请用方向键或鼠标选一个白色的格子。</source>
        <translation>This is a label or heading and cannot be filled in; nothing was entered. Choose a white cell with the arrow keys or the mouse.</translation>
    </message>
    <message>
        <source>已是本表最后一行可填写的格子。</source>
        <translation>This is the last row of input cells in this table.</translation>
    </message>
    <message>
        <source>已是本表第一行可填写的格子。</source>
        <translation>This is the first row of input cells in this table.</translation>
    </message>
    <message>
        <source>已是本表最后一个可填写的格子。</source>
        <translation>This is the last input cell of this table.</translation>
    </message>
    <message>
        <source>已是本表第一个可填写的格子。</source>
        <translation>This is the first input cell of this table.</translation>
    </message>
    <message>
        <source>表头不能填写。请点击白色的格子。</source>
        <translation>Headings cannot be filled in. Click a white cell.</translation>
    </message>
    <message>
        <source>清除 {0} 个单元格</source>
        <translation>Clear {0} cells</translation>
    </message>
    <message>
        <source>选中的是自动计算的合计，不能清除；请选中要清除的数字。</source>
        <translation>The selection is a computed total and cannot be cleared; select the figures to clear.</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>剪贴板里没有可粘贴的文字。</source>
        <translation>The clipboard holds no text to paste.</translation>
    </message>
    <message>
        <source>为同时显示涉及的全部格子，暂时收起了中间 {0} 行；按任意键或点击表格即恢复。</source>
        <translation>To show every cell involved at once, {0} rows in between are folded away for now; press any key or click the table to bring them back.</translation>
    </message>
</context>
<context>
    <name>ReportWindow</name>
    <message>
        <source>ReportDesk 政府信息公开工作年度报告</source>
        <extracomment>What 打开… and a drop accept: a draft is opened, a report file is imported as a new draft.</extracomment>
        <translation>ReportDesk – Annual Report on Government Information Disclosure</translation>
    </message>
    <message>
        <source>新建报告…</source>
        <translation>New report…</translation>
    </message>
    <message>
        <source>基于上年报告新建…</source>
        <translation>New from last year&apos;s report…</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>审阅报告…</source>
        <translation>Review reports…</translation>
    </message>
    <message>
        <source>设置上年报告…</source>
        <translation>Set last year&apos;s report…</translation>
    </message>
    <message>
        <source>不再使用上年报告</source>
        <translation>Stop using last year&apos;s report</translation>
    </message>
    <message>
        <source>显示上年数字</source>
        <translation>Show last year&apos;s figures</translation>
    </message>
    <message>
        <source>同比变化…</source>
        <translation>Year-on-year changes…</translation>
    </message>
    <message>
        <source>导入说明</source>
        <translation>Import notes</translation>
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
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
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
        <source>输入框</source>
        <translation>the input field</translation>
    </message>
    <message>
        <source>{0}：{1}中的文字输入</source>
        <translation>{0}: typing in {1}</translation>
    </message>
    <message>
        <source>没有可重做的操作。</source>
        <translation>Nothing to redo.</translation>
    </message>
    <message>
        <source>没有可撤销的操作。</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <source>本页有一个格子的内容不是有效数字，请先改正或按 Esc 取消，再撤销或重做。</source>
        <translation>A cell on this page holds text that is not a valid figure: correct it or press Esc to cancel, then undo or redo.</translation>
    </message>
    <message>
        <source>已重做：{0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <source>已撤销：{0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <source>请先点击要粘贴到的表格单元格或文字框。</source>
        <translation>First click the table cell or text box to paste into.</translation>
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
        <source>基于上年报告新建</source>
        <translation>New from last year&apos;s report</translation>
    </message>
    <message>
        <source>选择上年报告</source>
        <translation>Choose last year&apos;s report</translation>
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
        <source>不能作为上年报告</source>
        <translation>Not usable as last year&apos;s report</translation>
    </message>
    <message>
        <source>-恢复</source>
        <translation>-recovered</translation>
    </message>
    <message>
        <source>ReportDesk 草稿 (*{0})</source>
        <translation>ReportDesk drafts (*{0})</translation>
    </message>
    <message>
        <source>打开草稿或导入报告</source>
        <translation>Open a draft or import a report</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>“{0}”是 ReportDesk 记录最近打开草稿的文件，不是报告。</source>
        <translation>“{0}” is ReportDesk’s list of recently opened drafts, not a report.</translation>
    </message>
    <message>
        <source>正在导入</source>
        <translation>Import in progress</translation>
    </message>
    <message>
        <source>正在导入另一个文件，请稍候再试。</source>
        <translation>Another file is being imported. Please try again in a moment.</translation>
    </message>
    <message>
        <source>正在读取 {0}…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>无法读取 {0}：{1}</source>
        <translation>Cannot read {0}: {1}</translation>
    </message>
    <message>
        <source>导入 {0}</source>
        <translation>Import {0}</translation>
    </message>
    <message>
        <source>文件中没有找到单位名称或报告年度，请补填。</source>
        <translation>The file does not name the body or the report year. Please fill them in.</translation>
    </message>
    <message>
        <source>已将 {0} 导入为新草稿（原文件未改动）。以下是读取情况：</source>
        <translation>{0} was imported as a new draft (the original file is unchanged). What was read:</translation>
    </message>
    <message>
        <source>这份草稿导入时的读取情况：</source>
        <translation>What was read when this draft was imported:</translation>
    </message>
    <message>
        <source>一次只能打开一个文件：已打开 {0}。要检查多份报告，请用“文件 › 审阅报告…”。</source>
        <translation>Only one file can be opened at a time: {0} was opened. To check many reports, use “File › Review reports…”.</translation>
    </message>
    <message>
        <source>设置上年报告</source>
        <translation>Set last year&apos;s report</translation>
    </message>
    <message>
        <source>无法读取上年报告</source>
        <translation>Cannot read last year&apos;s report</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>不支持的文件类型“{0}”：可以打开或导入 {1}。</source>
        <translation>Unsupported file type “{0}”: ReportDesk opens or imports {1}.</translation>
    </message>
    <message>
        <source>已设置上年报告（{0} {1}年）；从上年结转 {2} 个数字。</source>
        <translation>Last year&apos;s report set ({0}, {1}); {2} figures carried over.</translation>
    </message>
    <message>
        <source>草稿已在使用中</source>
        <translation>The draft is in use</translation>
    </message>
    <message>
        <source>草稿已损坏</source>
        <translation>The draft is damaged</translation>
    </message>
    <message>
        <source>可以把其中还能读出的内容（包括从修改历史中找回的数字）保存为一个新草稿，原文件不会被改动。</source>
        <translation>What can still be read from it (including figures found again in its history) can be saved into a new draft. The original file is not changed.</translation>
    </message>
    <message>
        <source>恢复到新草稿</source>
        <translation>Recover into a new draft</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法恢复草稿</source>
        <translation>Cannot recover the draft</translation>
    </message>
    <message>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <source>已恢复到新草稿 {0}：{1} 个数字、{2} 段文字。</source>
        <translation>Recovered into the new draft {0}: {1} figures, {2} texts.</translation>
    </message>
    <message>
        <source>部分内容无法读出，请逐项核对。</source>
        <translation>Some content could not be read; please check every item.</translation>
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
    <name>ReviewResultsModel</name>
    <message>
        <source>文件</source>
        <translation>File</translation>
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
        <source>能否读取</source>
        <translation>Readable</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>原因 / 导入说明</source>
        <translation>Reason / import notes</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>审阅报告 — ReportDesk</source>
        <translation>Review reports — ReportDesk</translation>
    </message>
    <message>
        <source>把报告文件（Word、Excel、JSON 或草稿）或整个文件夹拖到这里，或点击下面的按钮选择。每份报告一行；选中一行可看它的全部问题。</source>
        <translation>Drop report files (Word, Excel, JSON or drafts) or whole folders here, or choose them with the buttons below. One row per report; select a row to see all its findings.</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>导出汇总表…</source>
        <translation>Export summary workbook…</translation>
    </message>
    <message>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>还没有报告。</source>
        <translation>No reports yet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;检查结果&lt;/b&gt;（选中一行查看）</source>
        <translation>&lt;b&gt;Findings&lt;/b&gt; (select a row)</translation>
    </message>
    <message>
        <source>选择要审阅的报告</source>
        <translation>Choose reports to review</translation>
    </message>
    <message>
        <source>选择放有报告的文件夹</source>
        <translation>Choose a folder of reports</translation>
    </message>
    <message>
        <source>正在查找报告文件…</source>
        <translation>Looking for report files…</translation>
    </message>
    <message>
        <source>正在检查：{0}/{1}</source>
        <translation>Checking: {0}/{1}</translation>
    </message>
    <message>
        <source>共 {0} 份报告：{1} 份有错误，{2} 份无法读取。</source>
        <translation>{0} reports: {1} with errors, {2} unreadable.</translation>
    </message>
    <message>
        <source>已停止。</source>
        <translation>Stopped. </translation>
    </message>
    <message>
        <source>正在停止：等待手头的文件检查完…</source>
        <translation>Stopping: waiting for the files in hand to finish…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&#x3000;{1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;  {1}</translation>
    </message>
    <message>
        <source>无法读取：{0}</source>
        <translation>Unreadable: {0}</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>没有发现问题。</source>
        <translation>No findings.</translation>
    </message>
    <message>
        <source>导入：{0}</source>
        <translation>Import: {0}</translation>
    </message>
    <message>
        <source>导出汇总表</source>
        <translation>Export summary workbook</translation>
    </message>
    <message>
        <source>审阅汇总.xlsx</source>
        <translation>review-summary.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>无法保存汇总表</source>
        <translation>Cannot save the summary workbook</translation>
    </message>
    <message>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <source>汇总表已保存：{0}（{1} 份报告）</source>
        <translation>Summary workbook saved: {0} ({1} reports)</translation>
    </message>
</context>
<context>
    <name>ReviewWorker</name>
    <message>
        <source>检查时出错：{0}</source>
        <translation>Checking failed: {0}</translation>
    </message>
</context>
<context>
    <name>SectionNavigator</name>
    <message>
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <source>完成 {0} / {1} 步</source>
        <translation>{0} of {1} steps complete</translation>
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
        <source>按官方规定的年度报告格式填报，边填边检查，随时自动保存。</source>
        <translation>Fill in the report in the official format; it is checked as you type and saved automatically.</translation>
    </message>
    <message>
        <source>新建报告…</source>
        <translation>New report…</translation>
    </message>
    <message>
        <source>基于上年报告新建…</source>
        <translation>New from last year&apos;s report…</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>打开草稿（.rdesk），或导入 Word、Excel、JSON 报告为新草稿；也可把文件拖到这里</source>
        <translation>Open a draft (.rdesk), or import a Word, Excel or JSON report as a new draft; you can also drop the file here</translation>
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
        <source>把上年或本年的 Word、Excel 报告拖到窗口中，即可导入为新草稿。</source>
        <translation>Drop a Word or Excel report (this year&apos;s or last year&apos;s) on the window to import it as a new draft.</translation>
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
    <name>StepReason</name>
    <message>
        <source>单位名称</source>
        <translation>agency name</translation>
    </message>
    <message>
        <source>报告年度</source>
        <translation>report year</translation>
    </message>
    <message>
        <source>基本信息已填写完整。</source>
        <translation>The basic information is complete.</translation>
    </message>
    <message>
        <source>尚未填写：{0}。</source>
        <translation>Not filled in yet: {0}.</translation>
    </message>
    <message>
        <source>全文还有 {0} 个错误、{1} 个提示。</source>
        <translation>The report still has {0} errors and {1} warnings.</translation>
    </message>
    <message>
        <source>没有错误，还有 {0} 个提示，请逐条核对。</source>
        <translation>No errors; {0} warnings left, please check each one.</translation>
    </message>
    <message>
        <source>全部检查通过，可以导出。</source>
        <translation>Every check passed; the report can be exported.</translation>
    </message>
    <message>
        <source>本部分还没有文字。</source>
        <translation>This part has no text yet.</translation>
    </message>
    <message>
        <source>本部分有 {0} 个错误，请按检查结果修改。</source>
        <translation>This part has {0} errors; correct them as the findings say.</translation>
    </message>
    <message>
        <source>只有小标题，还没有正文。</source>
        <translation>Only sub-headings so far, no text yet.</translation>
    </message>
    <message>
        <source>本部分有 {0} 个提示，请逐条核对。</source>
        <translation>This part has {0} warnings; please check each one.</translation>
    </message>
    <message>
        <source>本部分已填写，未发现问题。</source>
        <translation>This part is filled in; no problems found.</translation>
    </message>
    <message>
        <source>本表 {0} 个格子都还没有填写。</source>
        <translation>None of this table&apos;s {0} cells is filled in yet.</translation>
    </message>
    <message>
        <source>本表有 {0} 个错误，请按检查结果修改。</source>
        <translation>This table has {0} errors; correct them as the findings say.</translation>
    </message>
    <message>
        <source>还有 {0} 个空白格子（没有数据的格子填 0）。</source>
        <translation>{0} cells are still blank (type 0 where there is nothing to report).</translation>
    </message>
    <message>
        <source>本表有 {0} 个提示，请逐条核对。</source>
        <translation>This table has {0} warnings; please check each one.</translation>
    </message>
    <message>
        <source>本表已填写完整，未发现问题。</source>
        <translation>This table is complete; no problems found.</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>未开始</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>填写中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>有错误</source>
        <translation>errors</translation>
    </message>
    <message>
        <source>有提示</source>
        <translation>warnings</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>complete</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>检查与导出</source>
        <translation>Check and export</translation>
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
        <source>每格左上角的灰色小字是上年（{0}年）的数字。</source>
        <translation>The small grey figure in the top-left corner of each cell is last year&apos;s ({0}).</translation>
    </message>
    <message>
        <source>已知上年（{0}年）报告：鼠标停在单元格上可看上年数字。</source>
        <translation>Last year&apos;s report ({0}) is known: hover over a cell to see last year&apos;s figure.</translation>
    </message>
    <message>
        <source>蓝底蓝字的数字从上年报告结转而来。</source>
        <translation> Blue figures on blue were carried over from last year&apos;s report.</translation>
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
        <source>按表格中的数字写出依申请公开和复议诉讼的标准段落，插入到“{0}”之下。</source>
        <translation>Write the standard paragraphs on applications and appeals from the tables&apos; figures, under “{0}”.</translation>
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
        <source>合并断行</source>
        <translation>Join broken lines</translation>
    </message>
    <message>
        <source>保持原样</source>
        <translation>Keep as is</translation>
    </message>
    <message>
        <source>查看表格中的数字</source>
        <translation>Show the figure in the table</translation>
    </message>
    <message>
        <source>&lt;b&gt;上年报告（{0}年）的本部分&lt;/b&gt;（只读，供说明上年问题的改进情况）</source>
        <translation>&lt;b&gt;This part of last year&apos;s report ({0})&lt;/b&gt; (read-only, to say how last year&apos;s problems were addressed)</translation>
    </message>
    <message>
        <source>上年报告中没有这一部分的文字。</source>
        <translation>Last year&apos;s report has no text in this part.</translation>
    </message>
    <message>
        <source>{0} 字</source>
        <translation>{0} characters</translation>
    </message>
    <message>
        <source>粘贴的文字中有 {0} 处句子中间断行（多见于从 PDF 复制）。合并后可撤销。</source>
        <translation>The pasted text has {0} line breaks in the middle of sentences (common when copying from a PDF). Joining them can be undone.</translation>
    </message>
    <message>
        <source>粘贴的文字中有 {0} 个残缺的字符（复制时被截断，显示为方框或问号），无法保存，已删除；其余文字未改动。</source>
        <translation>The pasted text had {0} broken characters (cut in half when copied, shown as a box or a question mark), which cannot be saved; they were removed and the rest of the text is unchanged.</translation>
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
<context>
    <name>YearOnYearDialog</name>
    <message>
        <source>同比变化</source>
        <translation>Year-on-year changes</translation>
    </message>
    <message>
        <source>只显示变化较大的项目</source>
        <translation>Only large changes</translation>
    </message>
    <message>
        <source>复制变化较大的项目</source>
        <translation>Copy the large changes</translation>
    </message>
    <message>
        <source>复制为文字，便于在报告中说明变化的原因</source>
        <translation>Copy as text, to explain the reasons in the report</translation>
    </message>
    <message>
        <source>变化较大：增减至少 50% 且至少 10 件。请在“{0}”或相关部分说明原因；双击一行可查看表格中的数字。</source>
        <translation>Large change: at least 50% and at least 10 cases. Explain it in “{0}” or the relevant part; double-click a row to see the figure in its table.</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>上年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>增减</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>增减（%）</source>
        <translation>Change (%)</translation>
    </message>
    <message>
        <source>变化较大</source>
        <translation>Large change</translation>
    </message>
    <message>
        <source>还没有上年报告：请先在“报告”菜单中“设置上年报告…”。</source>
        <translation>No report for last year yet: use “Report › Set last year&apos;s report…” first.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}年与上年（{1}年）对比&lt;/b&gt;：{2} 个项目，其中 {3} 个变化较大。</source>
        <translation>&lt;b&gt;{0} compared with last year ({1})&lt;/b&gt;: {2} items, {3} with large changes.</translation>
    </message>
    <message>
        <source>（上年报告使用另一种格式，只比较相同编号的项目。）</source>
        <translation> (Last year&apos;s report uses another format: only items with the same id are compared.)</translation>
    </message>
</context>
</TS>
