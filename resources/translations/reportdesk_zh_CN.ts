<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
    <context>
        <name>AcceptWarningDialog</name>
        <message>
            <source>本单位无规章制定权，规章栏为上级文件转发数</source>
            <translation>本单位无规章制定权，规章栏为上级文件转发数</translation>
        </message>
        <message>
            <source>本年确有文件到期失效，现行有效的文件因此减少</source>
            <translation>本年确有文件到期失效，现行有效的文件因此减少</translation>
        </message>
        <message>
            <source>上年报告的结转数有误，本年已按实际更正</source>
            <translation>上年报告的结转数有误，本年已按实际更正</translation>
        </message>
        <message>
            <source>接受警告</source>
            <translation>接受警告</translation>
        </message>
        <message>
            <source>请写明接受这条警告的理由（会保存在草稿中，并列入 Excel 的“校验结果”）：</source>
            <translation>请写明接受这条警告的理由（会保存在草稿中，并列入 Excel 的“校验结果”）：</translation>
        </message>
        <message>
            <source>例如：{0}</source>
            <translation>例如：{0}</translation>
        </message>
        <message>
            <source>常见理由：</source>
            <translation>常见理由：</translation>
        </message>
        <message>
            <source>接受</source>
            <translation>接受</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>AppErrors</name>
        <message>
            <source>文件中没有读到任何数字或文字，不像一份年度报告。</source>
            <translation>文件中没有读到任何数字或文字，不像一份年度报告。</translation>
        </message>
        <message>
            <source>上年报告是 {0} 年的，本报告是 {1} 年的：上年报告应早于本年。请改报告年度或另选上年报告。</source>
            <translation>上年报告是 {0} 年的，本报告是 {1} 年的：上年报告应早于本年。请改报告年度或另选上年报告。</translation>
        </message>
    </context>
    <context>
        <name>BalanceStrip</name>
        <message>
            <source>空</source>
            <translation>空</translation>
        </message>
        <message>
            <source>勾稽关系</source>
            <translation>勾稽关系</translation>
        </message>
        <message>
            <source>差额</source>
            <translation>差额</translation>
        </message>
        <message>
            <source>空白应为 {0}</source>
            <translation>空白应为 {0}</translation>
        </message>
        <message>
            <source>有空白</source>
            <translation>有空白</translation>
        </message>
        <message>
            <source>空白不是 0：请填写实际数字，没有的填 0。</source>
            <translation>空白不是 0：请填写实际数字，没有的填 0。</translation>
        </message>
    </context>
    <context>
        <name>CellDelegate</name>
        <message>
            <source>“{0}”是多个数字（含制表符或换行），一个格子只能填一个数字；整块数字请按 Esc 退出编辑后再按 Ctrl+V 粘贴。</source>
            <translation>“{0}”是多个数字（含制表符或换行），一个格子只能填一个数字；整块数字请按 Esc 退出编辑后再按 Ctrl+V 粘贴。</translation>
        </message>
        <message>
            <source>“{0}”中间有空格，看不出是一个数字还是几个；一个格子只填一个数字，若是 {1} 请去掉空格。</source>
            <translation>“{0}”中间有空格，看不出是一个数字还是几个；一个格子只填一个数字，若是 {1} 请去掉空格。</translation>
        </message>
        <message>
            <source>空</source>
            <translation>空</translation>
        </message>
        <message>
            <source>“{0}”没有改动（输入的内容没有写入）：{1}</source>
            <translation>“{0}”没有改动（输入的内容没有写入）：{1}</translation>
        </message>
    </context>
    <context>
        <name>CrashHandler</name>
        <message>
            <source>内存不足。</source>
            <translation>内存不足。</translation>
        </message>
        <message>
            <source>数据嵌套过深，无法处理。</source>
            <translation>数据嵌套过深，无法处理。</translation>
        </message>
        <message>
            <source>没有读写文件的权限。</source>
            <translation>没有读写文件的权限。</translation>
        </message>
        <message>
            <source>要用的文件不见了。</source>
            <translation>要用的文件不见了。</translation>
        </message>
        <message>
            <source>读写文件时出错（系统错误 {0}）。</source>
            <translation>读写文件时出错（系统错误 {0}）。</translation>
        </message>
        <message>
            <source>程序内部错误（{0}）。</source>
            <translation>程序内部错误（{0}）。</translation>
        </message>
        <message>
            <source>草稿已保存，重新打开即可继续。</source>
            <translation>草稿已保存，重新打开即可继续。</translation>
        </message>
        <message>
            <source>草稿未能保存，最近一秒内的修改可能丢失。</source>
            <translation>草稿未能保存，最近一秒内的修改可能丢失。</translation>
        </message>
        <message>
            <source>详细记录已写入：{0}</source>
            <translation>详细记录已写入：{0}</translation>
        </message>
        <message>
            <source>无法写入错误记录。</source>
            <translation>无法写入错误记录。</translation>
        </message>
        <message>
            <source>程序遇到意外错误：{0}</source>
            <translation>程序遇到意外错误：{0}</translation>
        </message>
        <message>
            <source>请将该记录发给技术支持。</source>
            <translation>请将该记录发给技术支持。</translation>
        </message>
    </context>
    <context>
        <name>DraftController</name>
        <message>
            <source>撤销：{0}</source>
            <translation>撤销：{0}</translation>
        </message>
        <message>
            <source>修改“{0}”</source>
            <translation>修改“{0}”</translation>
        </message>
        <message>
            <source>修改 {0} 个单元格</source>
            <translation>修改 {0} 个单元格</translation>
        </message>
        <message>
            <source>从上年报告结转 {0} 个数字</source>
            <translation>从上年报告结转 {0} 个数字</translation>
        </message>
    </context>
    <context>
        <name>DraftWorkspace</name>
        <message>
            <source>上一步</source>
            <translation>上一步</translation>
        </message>
        <message>
            <source>下一步</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>本部分已自查</source>
            <translation>本部分已自查</translation>
        </message>
        <message>
            <source>自查后如再改动本部分的数字或文字，标记会变红，提醒重新自查。</source>
            <translation>自查后如再改动本部分的数字或文字，标记会变红，提醒重新自查。</translation>
        </message>
        <message>
            <source>预览</source>
            <translation>预览</translation>
        </message>
        <message>
            <source>在右侧（代替填写说明）显示报告印出来的样子，随填写自动更新（F6）</source>
            <translation>在右侧（代替填写说明）显示报告印出来的样子，随填写自动更新（F6）</translation>
        </message>
        <message>
            <source>隐藏说明</source>
            <translation>隐藏说明</translation>
        </message>
        <message>
            <source>收起右侧的填写说明，给表格和文字留出更多地方（会记住）</source>
            <translation>收起右侧的填写说明，给表格和文字留出更多地方（会记住）</translation>
        </message>
        <message>
            <source>&lt;b&gt;检查结果&lt;/b&gt;</source>
            <translation>&lt;b&gt;检查结果&lt;/b&gt;</translation>
        </message>
        <message>
            <source>{0}（改正或按 Esc 取消后才能离开本页）</source>
            <translation>{0}（改正或按 Esc 取消后才能离开本页）</translation>
        </message>
        <message>
            <source>基本信息</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>检查与导出</source>
            <translation>检查与导出</translation>
        </message>
        <message>
            <source>导出前请处理全部错误：有错误的报告会被审核退回。
提示不一定是错误，但每一条都请核对一遍。
导出的 Word 文件按官方格式排版，表格与官方表格一致。</source>
            <translation>导出前请处理全部错误：有错误的报告会被审核退回。
提示不一定是错误，但每一条都请核对一遍。
导出的 Word 文件按官方格式排版，表格与官方表格一致。</translation>
        </message>
        <message>
            <source>状态：{0}。{1}</source>
            <translation>状态：{0}。{1}</translation>
        </message>
        <message>
            <source>全部检查完成：{0} 个错误，{1} 个提示。</source>
            <translation>全部检查完成：{0} 个错误，{1} 个提示。</translation>
        </message>
        <message>
            <source>已将 {0} 个空白单元格填为 0（可撤销）。</source>
            <translation>已将 {0} 个空白单元格填为 0（可撤销）。</translation>
        </message>
        <message>
            <source>错误不能接受，只能改正。</source>
            <translation>错误不能接受，只能改正。</translation>
        </message>
        <message>
            <source>填写姓名</source>
            <translation>填写姓名</translation>
        </message>
        <message>
            <source>请填写您的姓名（记录谁自查、谁标记完成；只需填写一次）：</source>
            <translation>请填写您的姓名（记录谁自查、谁标记完成；只需填写一次）：</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>确定</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>本部分已自查（{0}，{1}）</source>
            <translation>本部分已自查（{0}，{1}）</translation>
        </message>
        <message>
            <source>本部分已自查，但之后有改动，请重新自查</source>
            <translation>本部分已自查，但之后有改动，请重新自查</translation>
        </message>
        <message>
            <source>
…另有 {0} 个错误</source>
            <translation>
…另有 {0} 个错误</translation>
        </message>
        <message>
            <source>不能标记为已完成</source>
            <translation>不能标记为已完成</translation>
        </message>
        <message>
            <source>还有 {0} 个错误，改正后才能标记为已完成：
{1}{2}</source>
            <translation>还有 {0} 个错误，改正后才能标记为已完成：
{1}{2}</translation>
        </message>
        <message>
            <source>还有 {0} 个错误，不能标记为已完成。</source>
            <translation>还有 {0} 个错误，不能标记为已完成。</translation>
        </message>
        <message>
            <source>已标记为已完成（{0}，{1}）。</source>
            <translation>已标记为已完成（{0}，{1}）。</translation>
        </message>
        <message>
            <source>显示说明</source>
            <translation>显示说明</translation>
        </message>
    </context>
    <context>
        <name>ExportPage</name>
        <message>
            <source>&lt;h2&gt;检查与导出&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;检查与导出&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>标记为已完成…</source>
            <translation>标记为已完成…</translation>
        </message>
        <message>
            <source>重新运行全部检查；没有错误时记录完成人和时间。有错误时不能标记。</source>
            <translation>重新运行全部检查；没有错误时记录完成人和时间。有错误时不能标记。</translation>
        </message>
        <message>
            <source>尚未标记为已完成。</source>
            <translation>尚未标记为已完成。</translation>
        </message>
        <message>
            <source>已完成：{0}，{1}</source>
            <translation>已完成：{0}，{1}</translation>
        </message>
        <message>
            <source>{0} 于 {1} 标记为已完成，之后又有修改，请重新标记。</source>
            <translation>{0} 于 {1} 标记为已完成，之后又有修改，请重新标记。</translation>
        </message>
        <message>
            <source>还有 {0} 个错误、{1} 个提示。错误会导致报告被退回，请先逐条处理（点击条目可直接定位）；现在导出的文件只宜供内部审阅。</source>
            <translation>还有 {0} 个错误、{1} 个提示。错误会导致报告被退回，请先逐条处理（点击条目可直接定位）；现在导出的文件只宜供内部审阅。</translation>
        </message>
        <message>
            <source>没有错误，还有 {1} 个提示，请逐条核对后再导出。</source>
            <translation>没有错误，还有 {1} 个提示，请逐条核对后再导出。</translation>
        </message>
        <message>
            <source>全部检查通过，可以导出。</source>
            <translation>全部检查通过，可以导出。</translation>
        </message>
    </context>
    <context>
        <name>ExportPanel</name>
        <message>
            <source>Word（.docx）</source>
            <translation>Word（.docx）</translation>
        </message>
        <message>
            <source>Excel（.xlsx）</source>
            <translation>Excel（.xlsx）</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <source>未找到 LibreOffice，无法生成 PDF。可导出 Word 后在 Word / WPS 中另存为 PDF。</source>
            <translation>未找到 LibreOffice，无法生成 PDF。可导出 Word 后在 Word / WPS 中另存为 PDF。</translation>
        </message>
        <message>
            <source>格式</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>字体</source>
            <translation>字体</translation>
        </message>
        <message>
            <source>三张统计表放在文末附件中（默认放在第二、三、四部分下）</source>
            <translation>三张统计表放在文末附件中（默认放在第二、三、四部分下）</translation>
        </message>
        <message>
            <source>表格位置</source>
            <translation>表格位置</translation>
        </message>
        <message>
            <source>文末署名单位和日期</source>
            <translation>文末署名单位和日期</translation>
        </message>
        <message>
            <source>如 2024-01-20，可留空</source>
            <translation>如 2024-01-20，可留空</translation>
        </message>
        <message>
            <source>署名</source>
            <translation>署名</translation>
        </message>
        <message>
            <source>选择…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>保存到</source>
            <translation>保存到</translation>
        </message>
        <message>
            <source>导出</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>打开文件</source>
            <translation>打开文件</translation>
        </message>
        <message>
            <source>打开所在文件夹</source>
            <translation>打开所在文件夹</translation>
        </message>
        <message>
            <source>请至少选择一种格式。</source>
            <translation>请至少选择一种格式。</translation>
        </message>
        <message>
            <source>文件夹“{0}”不存在，请重新选择保存位置。</source>
            <translation>文件夹“{0}”不存在，请重新选择保存位置。</translation>
        </message>
        <message>
            <source>报告还有错误</source>
            <translation>报告还有错误</translation>
        </message>
        <message>
            <source>报告还有 {0} 个错误，导出的文件会被审核退回。

仍要导出吗？导出的文件每页页眉标有“内部审阅稿 — 尚有 {0} 个错误”，只宜内部审阅。</source>
            <translation>报告还有 {0} 个错误，导出的文件会被审核退回。

仍要导出吗？导出的文件每页页眉标有“内部审阅稿 — 尚有 {0} 个错误”，只宜内部审阅。</translation>
        </message>
        <message>
            <source>仍然导出（内部审阅稿）</source>
            <translation>仍然导出（内部审阅稿）</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>已取消导出，没有写入任何文件。</source>
            <translation>已取消导出，没有写入任何文件。</translation>
        </message>
        <message>
            <source>文件已存在</source>
            <translation>文件已存在</translation>
        </message>
        <message>
            <source>保存位置已有同名文件：
{0}

可以另存为新文件（{1}），或覆盖原文件。</source>
            <translation>保存位置已有同名文件：
{0}

可以另存为新文件（{1}），或覆盖原文件。</translation>
        </message>
        <message>
            <source>另存为新文件</source>
            <translation>另存为新文件</translation>
        </message>
        <message>
            <source>覆盖原文件</source>
            <translation>覆盖原文件</translation>
        </message>
        <message>
            <source>正在导出…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <source>导出失败：{0}</source>
            <translation>导出失败：{0}</translation>
        </message>
        <message>
            <source>PDF 中替代的字体：</source>
            <translation>PDF 中替代的字体：</translation>
        </message>
        <message>
            <source>已导出：
</source>
            <translation>已导出：
</translation>
        </message>
        <message>
            <source>导出到</source>
            <translation>导出到</translation>
        </message>
        <message>
            <source>本机已安装所选字体。</source>
            <translation>本机已安装所选字体。</translation>
        </message>
        <message>
            <source>{0} → Word 将改用 {1}</source>
            <translation>{0} → Word 将改用 {1}</translation>
        </message>
        <message>
            <source>（本机也没有，由 Word/WPS 自行替代）</source>
            <translation>（本机也没有，由 Word/WPS 自行替代）</translation>
        </message>
        <message>
            <source>本机缺少所选字体，在本机打开时：</source>
            <translation>本机缺少所选字体，在本机打开时：</translation>
        </message>
        <message>
            <source>。文件中仍写所选字体，在装有这些字体的电脑上按原字体显示和打印。</source>
            <translation>。文件中仍写所选字体，在装有这些字体的电脑上按原字体显示和打印。</translation>
        </message>
    </context>
    <context>
        <name>FileFilters</name>
        <message>
            <source>ReportDesk 草稿</source>
            <translation>ReportDesk 草稿</translation>
        </message>
        <message>
            <source>Word 报告</source>
            <translation>Word 报告</translation>
        </message>
        <message>
            <source>Excel 报告</source>
            <translation>Excel 报告</translation>
        </message>
        <message>
            <source>PDF 报告（含文字）</source>
            <translation>PDF 报告（含文字）</translation>
        </message>
        <message>
            <source>网页（发布的报告页面）</source>
            <translation>网页（发布的报告页面）</translation>
        </message>
        <message>
            <source>旧版 Word / WPS 文字（需要 LibreOffice）</source>
            <translation>旧版 Word / WPS 文字（需要 LibreOffice）</translation>
        </message>
        <message>
            <source>旧版 Excel / WPS 表格（需要 LibreOffice）</source>
            <translation>旧版 Excel / WPS 表格（需要 LibreOffice）</translation>
        </message>
        <message>
            <source>JSON 报告</source>
            <translation>JSON 报告</translation>
        </message>
        <message>
            <source>报告和草稿 ({0})</source>
            <translation>报告和草稿 ({0})</translation>
        </message>
        <message>
            <source>报告文件 ({0})</source>
            <translation>报告文件 ({0})</translation>
        </message>
        <message>
            <source>、</source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>FindingsPanel</name>
        <message>
            <source>接受此警告…</source>
            <translation>接受此警告…</translation>
        </message>
        <message>
            <source>核实无误的警告可以写明理由后接受；错误不能接受，只能改正。</source>
            <translation>核实无误的警告可以写明理由后接受；错误不能接受，只能改正。</translation>
        </message>
        <message>
            <source>撤销接受</source>
            <translation>撤销接受</translation>
        </message>
        <message>
            <source>将空白单元格填为 0</source>
            <translation>将空白单元格填为 0</translation>
        </message>
        <message>
            <source>把这条提示列出的空白单元格都填为 0（可撤销）；有数字的格子请直接填写实际数字。</source>
            <translation>把这条提示列出的空白单元格都填为 0（可撤销）；有数字的格子请直接填写实际数字。</translation>
        </message>
        <message>
            <source>没有发现问题。</source>
            <translation>没有发现问题。</translation>
        </message>
        <message>
            <source>{0} 个错误，{1} 个提示，{2} 个已接受</source>
            <translation>{0} 个错误，{1} 个提示，{2} 个已接受</translation>
        </message>
        <message>
            <source>{0} 个错误，{1} 个提示</source>
            <translation>{0} 个错误，{1} 个提示</translation>
        </message>
        <message>
            <source>〔已接受〕{0}
理由：{1}</source>
            <translation>〔已接受〕{0}
理由：{1}</translation>
        </message>
        <message>
            <source>
已接受，理由：{0}
（相关数字或文字改动后会重新打开）</source>
            <translation>
已接受，理由：{0}
（相关数字或文字改动后会重新打开）</translation>
        </message>
        <message>
            <source>
（曾接受，理由：{0}；相关数字或文字已改动，请重新核对）</source>
            <translation>
（曾接受，理由：{0}；相关数字或文字已改动，请重新核对）</translation>
        </message>
    </context>
    <context>
        <name>GuidancePane</name>
        <message>
            <source>示例</source>
            <translation>示例</translation>
        </message>
    </context>
    <context>
        <name>GuideWindow</name>
        <message>
            <source>第一份报告</source>
            <translation>第一份报告</translation>
        </message>
        <message>
            <source>使用指南</source>
            <translation>使用指南</translation>
        </message>
    </context>
    <context>
        <name>ImportSummaryDialog</name>
        <message>
            <source>导入说明</source>
            <extracomment>Summary lines that need a look (from ``ImportSummary.lines()`` and the session's notes).</extracomment>
            <translation>导入说明</translation>
        </message>
        <message>
            <source>请核对这一项：导入时没有按官方格式对上。</source>
            <translation>请核对这一项：导入时没有按官方格式对上。</translation>
        </message>
        <message>
            <source>没有导入说明：这份草稿不是从文件导入的。</source>
            <translation>没有导入说明：这份草稿不是从文件导入的。</translation>
        </message>
        <message>
            <source>有 {0} 项需要核对：请对照原文件检查相关数字，缺少的请补填。</source>
            <translation>有 {0} 项需要核对：请对照原文件检查相关数字，缺少的请补填。</translation>
        </message>
        <message>
            <source>所有内容都已按官方格式对上。请仍对照原文件抽查几个数字。</source>
            <translation>所有内容都已按官方格式对上。请仍对照原文件抽查几个数字。</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>复制全部</source>
            <translation>复制全部</translation>
        </message>
    </context>
    <context>
        <name>MetaPage</name>
        <message>
            <source>&lt;h2&gt;基本信息&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;基本信息&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>如：某市人力资源和社会保障局</source>
            <translation>如：某市人力资源和社会保障局</translation>
        </message>
        <message>
            <source>单位名称</source>
            <translation>单位名称</translation>
        </message>
        <message>
            <source>报告年度</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>如：2024年1月20日</source>
            <translation>如：2024年1月20日</translation>
        </message>
        <message>
            <source>报告开头的说明：编制依据、统计期限（自某年1月1日起至12月31日止）、发布网址、联系方式。</source>
            <translation>报告开头的说明：编制依据、统计期限（自某年1月1日起至12月31日止）、发布网址、联系方式。</translation>
        </message>
    </context>
    <context>
        <name>NewReportDialog</name>
        <message>
            <source>新建报告</source>
            <translation>新建报告</translation>
        </message>
        <message>
            <source>如：某市人力资源和社会保障局</source>
            <translation>如：某市人力资源和社会保障局</translation>
        </message>
        <message>
            <source>单位名称</source>
            <translation>单位名称</translation>
        </message>
        <message>
            <source>报告年度</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>选择上年报告…</source>
            <translation>选择上年报告…</translation>
        </message>
        <message>
            <source>（未选择，可以不选）</source>
            <translation>（未选择，可以不选）</translation>
        </message>
        <message>
            <source>上年的报告：{0}。
本年“上年结转”一行从上年“结转下年度继续办理”带入，并检查跨年度的一致性。</source>
            <translation>上年的报告：{0}。
本年“上年结转”一行从上年“结转下年度继续办理”带入，并检查跨年度的一致性。</translation>
        </message>
        <message>
            <source>清除</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>上年报告</source>
            <translation>上年报告</translation>
        </message>
        <message>
            <source>创建</source>
            <translation>创建</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>选择上年报告</source>
            <translation>选择上年报告</translation>
        </message>
        <message>
            <source>无法读取上年报告 {0}：{1}</source>
            <translation>无法读取上年报告 {0}：{1}</translation>
        </message>
        <message>
            <source>{0} 不能作为上年报告：{1}</source>
            <translation>{0} 不能作为上年报告：{1}</translation>
        </message>
        <message>
            <source>{0}（{1} {2}年）</source>
            <translation>{0}（{1} {2}年）</translation>
        </message>
        <message>
            <source>未写单位</source>
            <translation>未写单位</translation>
        </message>
        <message>
            <source>请填写单位名称，如“某市人力资源和社会保障局”。</source>
            <translation>请填写单位名称，如“某市人力资源和社会保障局”。</translation>
        </message>
    </context>
    <context>
        <name>PastePlan</name>
        <message>
            <source>已粘贴 {0} 个数字</source>
            <translation>已粘贴 {0} 个数字</translation>
        </message>
        <message>
            <source>（按粘贴内容中的行、列标签对齐）</source>
            <translation>（按粘贴内容中的行、列标签对齐）</translation>
        </message>
        <message>
            <source>其中 {0} 个经过转换（全角数字、千位分隔符、“/”等）</source>
            <translation>其中 {0} 个经过转换（全角数字、千位分隔符、“/”等）</translation>
        </message>
        <message>
            <source>拒绝 {0} 个：{1} {2}</source>
            <translation>拒绝 {0} 个：{1} {2}</translation>
        </message>
        <message>
            <source>跳过 {0} 个合计（合计自动计算）</source>
            <translation>跳过 {0} 个合计（合计自动计算）</translation>
        </message>
        <message>
            <source>等 {0} 处</source>
            <translation>等 {0} 处</translation>
        </message>
        <message>
            <source>注意：粘贴内容中的合计与各项之和不符——{0}粘贴的是 {1}，各项相加是 {2}{3}，请核对原表</source>
            <translation>注意：粘贴内容中的合计与各项之和不符——{0}粘贴的是 {1}，各项相加是 {2}{3}，请核对原表</translation>
        </message>
        <message>
            <source>空</source>
            <translation>空</translation>
        </message>
        <message>
            <source>等 {0} 个</source>
            <translation>等 {0} 个</translation>
        </message>
        <message>
            <source>未能放置：{0}{1}，这些数字没有写入</source>
            <translation>未能放置：{0}{1}，这些数字没有写入</translation>
        </message>
        <message>
            <source>标签{0}与本表的行对不上，其后的数字按位置粘贴</source>
            <translation>标签{0}与本表的行对不上，其后的数字按位置粘贴</translation>
        </message>
        <message>
            <source>粘贴内容超过 {0} 行或 {1} 列，其余部分没有读取</source>
            <translation>粘贴内容超过 {0} 行或 {1} 列，其余部分没有读取</translation>
        </message>
    </context>
    <context>
        <name>ReportTableModel</name>
        <message>
            <source>自动计算，不能直接填写。</source>
            <extracomment>Extra data roles the delegate and the views read. Findings that need no tint: a blank cell already looks blank.</extracomment>
            <translation>自动计算，不能直接填写。</translation>
        </message>
        <message>
            <source>空白（没有数据请填 0）</source>
            <translation>空白（没有数据请填 0）</translation>
        </message>
        <message>
            <source>从上年报告的“结转下年度继续办理”结转而来（改动后即为本年填写）。</source>
            <translation>从上年报告的“结转下年度继续办理”结转而来（改动后即为本年填写）。</translation>
        </message>
        <message>
            <source>从文件导入。</source>
            <translation>从文件导入。</translation>
        </message>
        <message>
            <source>上年：{0}</source>
            <translation>上年：{0}</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>空白</translation>
        </message>
        <message>
            <source>错误：{0}</source>
            <translation>错误：{0}</translation>
        </message>
        <message>
            <source>提示：{0}</source>
            <translation>提示：{0}</translation>
        </message>
    </context>
    <context>
        <name>ReportTableView</name>
        <message>
            <source>“{0}”是自动计算的合计，不能直接填写；输入没有写入。</source>
            <translation>“{0}”是自动计算的合计，不能直接填写；输入没有写入。</translation>
        </message>
        <message>
            <source>这里是标签或表头，不能填写；输入没有写入。请用方向键或鼠标选一个白色的格子。</source>
            <translation>这里是标签或表头，不能填写；输入没有写入。请用方向键或鼠标选一个白色的格子。</translation>
        </message>
        <message>
            <source>已是本表最后一行可填写的格子。</source>
            <translation>已是本表最后一行可填写的格子。</translation>
        </message>
        <message>
            <source>已是本表第一行可填写的格子。</source>
            <translation>已是本表第一行可填写的格子。</translation>
        </message>
        <message>
            <source>已是本表最后一个可填写的格子。</source>
            <translation>已是本表最后一个可填写的格子。</translation>
        </message>
        <message>
            <source>已是本表第一个可填写的格子。</source>
            <translation>已是本表第一个可填写的格子。</translation>
        </message>
        <message>
            <source>表头不能填写。请点击白色的格子。</source>
            <translation>表头不能填写。请点击白色的格子。</translation>
        </message>
        <message>
            <source>清除 {0} 个单元格</source>
            <translation>清除 {0} 个单元格</translation>
        </message>
        <message>
            <source>选中的是自动计算的合计，不能清除；请选中要清除的数字。</source>
            <translation>选中的是自动计算的合计，不能清除；请选中要清除的数字。</translation>
        </message>
        <message>
            <source>粘贴</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <source>剪贴板里没有可粘贴的文字。</source>
            <translation>剪贴板里没有可粘贴的文字。</translation>
        </message>
        <message>
            <source>为同时显示涉及的全部格子，暂时收起了中间 {0} 行；按任意键或点击表格即恢复。</source>
            <translation>为同时显示涉及的全部格子，暂时收起了中间 {0} 行；按任意键或点击表格即恢复。</translation>
        </message>
    </context>
    <context>
        <name>ReportWindow</name>
        <message>
            <source>ReportDesk 政府信息公开工作年度报告</source>
            <extracomment>What 打开… and a drop accept: a draft is opened, a report file is imported as a new draft.</extracomment>
            <translation>ReportDesk 政府信息公开工作年度报告</translation>
        </message>
        <message>
            <source>新建报告…</source>
            <translation>新建报告…</translation>
        </message>
        <message>
            <source>基于上年报告新建…</source>
            <translation>基于上年报告新建…</translation>
        </message>
        <message>
            <source>打开…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <source>审阅报告…</source>
            <translation>审阅报告…</translation>
        </message>
        <message>
            <source>设置上年报告…</source>
            <translation>设置上年报告…</translation>
        </message>
        <message>
            <source>不再使用上年报告</source>
            <translation>不再使用上年报告</translation>
        </message>
        <message>
            <source>显示上年数字</source>
            <translation>显示上年数字</translation>
        </message>
        <message>
            <source>同比变化…</source>
            <translation>同比变化…</translation>
        </message>
        <message>
            <source>导入说明</source>
            <translation>导入说明</translation>
        </message>
        <message>
            <source>打开示例报告</source>
            <translation>打开示例报告</translation>
        </message>
        <message>
            <source>立即保存</source>
            <translation>立即保存</translation>
        </message>
        <message>
            <source>另存为…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>关闭报告</source>
            <translation>关闭报告</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>撤销</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>重做</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>复制</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>粘贴</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <source>全部检查</source>
            <translation>全部检查</translation>
        </message>
        <message>
            <source>标记为已完成…</source>
            <translation>标记为已完成…</translation>
        </message>
        <message>
            <source>预览</source>
            <translation>预览</translation>
        </message>
        <message>
            <source>上一步</source>
            <translation>上一步</translation>
        </message>
        <message>
            <source>下一步</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>使用指南</source>
            <translation>使用指南</translation>
        </message>
        <message>
            <source>打开日志文件夹</source>
            <translation>打开日志文件夹</translation>
        </message>
        <message>
            <source>关于 ReportDesk</source>
            <translation>关于 ReportDesk</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>编辑(&amp;E)</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>报告(&amp;R)</source>
            <translation>报告(&amp;R)</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>输入框</source>
            <translation>输入框</translation>
        </message>
        <message>
            <source>{0}：{1}中的文字输入</source>
            <translation>{0}：{1}中的文字输入</translation>
        </message>
        <message>
            <source>没有可重做的操作。</source>
            <translation>没有可重做的操作。</translation>
        </message>
        <message>
            <source>没有可撤销的操作。</source>
            <translation>没有可撤销的操作。</translation>
        </message>
        <message>
            <source>本页有一个格子的内容不是有效数字，请先改正或按 Esc 取消，再撤销或重做。</source>
            <translation>本页有一个格子的内容不是有效数字，请先改正或按 Esc 取消，再撤销或重做。</translation>
        </message>
        <message>
            <source>已重做：{0}</source>
            <translation>已重做：{0}</translation>
        </message>
        <message>
            <source>已撤销：{0}</source>
            <translation>已撤销：{0}</translation>
        </message>
        <message>
            <source>请先点击要粘贴到的表格单元格或文字框。</source>
            <translation>请先点击要粘贴到的表格单元格或文字框。</translation>
        </message>
        <message>
            <source>找不到使用指南</source>
            <translation>找不到使用指南</translation>
        </message>
        <message>
            <source>文件不存在：{0}。请重新安装 ReportDesk。</source>
            <translation>文件不存在：{0}。请重新安装 ReportDesk。</translation>
        </message>
        <message>
            <source>无法打开日志文件夹</source>
            <translation>无法打开日志文件夹</translation>
        </message>
        <message>
            <source>日志文件夹在：{0}</source>
            <translation>日志文件夹在：{0}</translation>
        </message>
        <message>
            <source>ReportDesk {0}
政府信息公开工作年度报告的填报、检查与导出。</source>
            <translation>ReportDesk {0}
政府信息公开工作年度报告的填报、检查与导出。</translation>
        </message>
        <message>
            <source>基于上年报告新建</source>
            <translation>基于上年报告新建</translation>
        </message>
        <message>
            <source>选择上年报告</source>
            <translation>选择上年报告</translation>
        </message>
        <message>
            <source>无法新建报告</source>
            <translation>无法新建报告</translation>
        </message>
        <message>
            <source>无法在 {0} 创建草稿：{1}</source>
            <translation>无法在 {0} 创建草稿：{1}</translation>
        </message>
        <message>
            <source>无法打开示例报告</source>
            <translation>无法打开示例报告</translation>
        </message>
        <message>
            <source>不能作为上年报告</source>
            <translation>不能作为上年报告</translation>
        </message>
        <message>
            <source>-恢复</source>
            <translation>-恢复</translation>
        </message>
        <message>
            <source>ReportDesk 草稿 (*{0})</source>
            <translation>ReportDesk 草稿 (*{0})</translation>
        </message>
        <message>
            <source>打开草稿或导入报告</source>
            <translation>打开草稿或导入报告</translation>
        </message>
        <message>
            <source>无法打开</source>
            <translation>无法打开</translation>
        </message>
        <message>
            <source>“{0}”是 ReportDesk 记录最近打开草稿的文件，不是报告。</source>
            <translation>“{0}”是 ReportDesk 记录最近打开草稿的文件，不是报告。</translation>
        </message>
        <message>
            <source>正在导入</source>
            <translation>正在导入</translation>
        </message>
        <message>
            <source>正在导入另一个文件，请稍候再试。</source>
            <translation>正在导入另一个文件，请稍候再试。</translation>
        </message>
        <message>
            <source>正在读取 {0}…</source>
            <translation>正在读取 {0}…</translation>
        </message>
        <message>
            <source>无法导入</source>
            <translation>无法导入</translation>
        </message>
        <message>
            <source>无法读取 {0}：{1}</source>
            <translation>无法读取 {0}：{1}</translation>
        </message>
        <message>
            <source>导入 {0}</source>
            <translation>导入 {0}</translation>
        </message>
        <message>
            <source>文件中没有找到单位名称或报告年度，请补填。</source>
            <translation>文件中没有找到单位名称或报告年度，请补填。</translation>
        </message>
        <message>
            <source>已将 {0} 导入为新草稿（原文件未改动）。以下是读取情况：</source>
            <translation>已将 {0} 导入为新草稿（原文件未改动）。以下是读取情况：</translation>
        </message>
        <message>
            <source>这份草稿导入时的读取情况：</source>
            <translation>这份草稿导入时的读取情况：</translation>
        </message>
        <message>
            <source>一次只能打开一个文件：已打开 {0}。要检查多份报告，请用“文件 › 审阅报告…”。</source>
            <translation>一次只能打开一个文件：已打开 {0}。要检查多份报告，请用“文件 › 审阅报告…”。</translation>
        </message>
        <message>
            <source>设置上年报告</source>
            <translation>设置上年报告</translation>
        </message>
        <message>
            <source>无法读取上年报告</source>
            <translation>无法读取上年报告</translation>
        </message>
        <message>
            <source>{0}：{1}</source>
            <translation>{0}：{1}</translation>
        </message>
        <message>
            <source>不支持的文件类型“{0}”：可以打开或导入 {1}。</source>
            <translation>不支持的文件类型“{0}”：可以打开或导入 {1}。</translation>
        </message>
        <message>
            <source>已设置上年报告（{0} {1}年）；从上年结转 {2} 个数字。</source>
            <translation>已设置上年报告（{0} {1}年）；从上年结转 {2} 个数字。</translation>
        </message>
        <message>
            <source>草稿已在使用中</source>
            <translation>草稿已在使用中</translation>
        </message>
        <message>
            <source>草稿已损坏</source>
            <translation>草稿已损坏</translation>
        </message>
        <message>
            <source>可以把其中还能读出的内容（包括从修改历史中找回的数字）保存为一个新草稿，原文件不会被改动。</source>
            <translation>可以把其中还能读出的内容（包括从修改历史中找回的数字）保存为一个新草稿，原文件不会被改动。</translation>
        </message>
        <message>
            <source>恢复到新草稿</source>
            <translation>恢复到新草稿</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>无法恢复草稿</source>
            <translation>无法恢复草稿</translation>
        </message>
        <message>
            <source>无法写入 {0}：{1}</source>
            <translation>无法写入 {0}：{1}</translation>
        </message>
        <message>
            <source>已恢复到新草稿 {0}：{1} 个数字、{2} 段文字。</source>
            <translation>已恢复到新草稿 {0}：{1} 个数字、{2} 段文字。</translation>
        </message>
        <message>
            <source>部分内容无法读出，请逐项核对。</source>
            <translation>部分内容无法读出，请逐项核对。</translation>
        </message>
        <message>
            <source>无法打开草稿</source>
            <translation>无法打开草稿</translation>
        </message>
        <message>
            <source>文件不存在：{0}</source>
            <translation>文件不存在：{0}</translation>
        </message>
        <message>
            <source>保存出错</source>
            <translation>保存出错</translation>
        </message>
        <message>
            <source>已保存到 {0}</source>
            <translation>已保存到 {0}</translation>
        </message>
        <message>
            <source>另存为</source>
            <translation>另存为</translation>
        </message>
        <message>
            <source>另存为失败</source>
            <translation>另存为失败</translation>
        </message>
        <message>
            <source>已保存 {0}</source>
            <translation>已保存 {0}</translation>
        </message>
        <message>
            <source>{0} {1}年度报告 — ReportDesk</source>
            <translation>{0} {1}年度报告 — ReportDesk</translation>
        </message>
    </context>
    <context>
        <name>ReviewResultsModel</name>
        <message>
            <source>文件</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>单位</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>能否读取</source>
            <translation>能否读取</translation>
        </message>
        <message>
            <source>错误</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>警告</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>原因 / 导入说明</source>
            <translation>原因 / 导入说明</translation>
        </message>
        <message>
            <source>是</source>
            <translation>是</translation>
        </message>
        <message>
            <source>否</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>ReviewWindow</name>
        <message>
            <source>审阅报告 — ReportDesk</source>
            <translation>审阅报告 — ReportDesk</translation>
        </message>
        <message>
            <source>把报告文件（Word、Excel、JSON 或草稿）或整个文件夹拖到这里，或点击下面的按钮选择。每份报告一行；选中一行可看它的全部问题。</source>
            <translation>把报告文件（Word、Excel、JSON 或草稿）或整个文件夹拖到这里，或点击下面的按钮选择。每份报告一行；选中一行可看它的全部问题。</translation>
        </message>
        <message>
            <source>添加文件…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <source>选择文件夹…</source>
            <translation>选择文件夹…</translation>
        </message>
        <message>
            <source>停止</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>清空</source>
            <translation>清空</translation>
        </message>
        <message>
            <source>导出汇总表…</source>
            <translation>导出汇总表…</translation>
        </message>
        <message>
            <source>%v / %m</source>
            <translation>%v / %m</translation>
        </message>
        <message>
            <source>还没有报告。</source>
            <translation>还没有报告。</translation>
        </message>
        <message>
            <source>&lt;b&gt;检查结果&lt;/b&gt;（选中一行查看）</source>
            <translation>&lt;b&gt;检查结果&lt;/b&gt;（选中一行查看）</translation>
        </message>
        <message>
            <source>选择要审阅的报告</source>
            <translation>选择要审阅的报告</translation>
        </message>
        <message>
            <source>选择放有报告的文件夹</source>
            <translation>选择放有报告的文件夹</translation>
        </message>
        <message>
            <source>正在查找报告文件…</source>
            <translation>正在查找报告文件…</translation>
        </message>
        <message>
            <source>正在检查：{0}/{1}</source>
            <translation>正在检查：{0}/{1}</translation>
        </message>
        <message>
            <source>共 {0} 份报告：{1} 份有错误，{2} 份无法读取。</source>
            <translation>共 {0} 份报告：{1} 份有错误，{2} 份无法读取。</translation>
        </message>
        <message>
            <source>已停止。</source>
            <translation>已停止。</translation>
        </message>
        <message>
            <source>正在停止：等待手头的文件检查完…</source>
            <translation>正在停止：等待手头的文件检查完…</translation>
        </message>
        <message>
            <source>&lt;b&gt;{0}&lt;/b&gt;　{1}</source>
            <translation>&lt;b&gt;{0}&lt;/b&gt;　{1}</translation>
        </message>
        <message>
            <source>无法读取：{0}</source>
            <translation>无法读取：{0}</translation>
        </message>
        <message>
            <source>错误</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>提示</source>
            <translation>提示</translation>
        </message>
        <message>
            <source>没有发现问题。</source>
            <translation>没有发现问题。</translation>
        </message>
        <message>
            <source>导入：{0}</source>
            <translation>导入：{0}</translation>
        </message>
        <message>
            <source>导出汇总表</source>
            <translation>导出汇总表</translation>
        </message>
        <message>
            <source>审阅汇总.xlsx</source>
            <translation>审阅汇总.xlsx</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>无法保存汇总表</source>
            <translation>无法保存汇总表</translation>
        </message>
        <message>
            <source>无法写入 {0}：{1}</source>
            <translation>无法写入 {0}：{1}</translation>
        </message>
        <message>
            <source>汇总表已保存：{0}（{1} 份报告）</source>
            <translation>汇总表已保存：{0}（{1} 份报告）</translation>
        </message>
    </context>
    <context>
        <name>ReviewWorker</name>
        <message>
            <source>检查时出错：{0}</source>
            <translation>检查时出错：{0}</translation>
        </message>
    </context>
    <context>
        <name>SectionNavigator</name>
        <message>
            <source>状态：{0}</source>
            <translation>状态：{0}</translation>
        </message>
        <message>
            <source>完成 {0} / {1} 步</source>
            <translation>完成 {0} / {1} 步</translation>
        </message>
        <message>
            <source>  ✓已自查</source>
            <translation>  ✓已自查</translation>
        </message>
        <message>
            <source>  ✗自查后有改动</source>
            <translation>  ✗自查后有改动</translation>
        </message>
        <message>
            <source>已完成：{0}，{1}</source>
            <translation>已完成：{0}，{1}</translation>
        </message>
        <message>
            <source>{0} 于 {1} 标记为已完成，之后又有修改，请重新检查并标记。</source>
            <translation>{0} 于 {1} 标记为已完成，之后又有修改，请重新检查并标记。</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <source>&lt;h1&gt;政府信息公开工作年度报告&lt;/h1&gt;</source>
            <translation>&lt;h1&gt;政府信息公开工作年度报告&lt;/h1&gt;</translation>
        </message>
        <message>
            <source>按官方规定的年度报告格式填报，边填边检查，随时自动保存。</source>
            <translation>按官方规定的年度报告格式填报，边填边检查，随时自动保存。</translation>
        </message>
        <message>
            <source>新建报告…</source>
            <translation>新建报告…</translation>
        </message>
        <message>
            <source>基于上年报告新建…</source>
            <translation>基于上年报告新建…</translation>
        </message>
        <message>
            <source>打开…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <source>打开草稿（.rdesk），或导入 Word、Excel、JSON 报告为新草稿；也可把文件拖到这里</source>
            <translation>打开草稿（.rdesk），或导入 Word、Excel、JSON 报告为新草稿；也可把文件拖到这里</translation>
        </message>
        <message>
            <source>打开示例报告</source>
            <translation>打开示例报告</translation>
        </message>
        <message>
            <source>&lt;b&gt;最近的草稿&lt;/b&gt;（双击打开）</source>
            <translation>&lt;b&gt;最近的草稿&lt;/b&gt;（双击打开）</translation>
        </message>
        <message>
            <source>单位</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>最后修改</source>
            <translation>最后修改</translation>
        </message>
        <message>
            <source>完成度</source>
            <translation>完成度</translation>
        </message>
        <message>
            <source>还没有草稿。点击“新建报告…”开始，或打开示例报告看看。</source>
            <translation>还没有草稿。点击“新建报告…”开始，或打开示例报告看看。</translation>
        </message>
        <message>
            <source>把上年或本年的 Word、Excel 报告拖到窗口中，即可导入为新草稿。</source>
            <translation>把上年或本年的 Word、Excel 报告拖到窗口中，即可导入为新草稿。</translation>
        </message>
        <message>
            <source>（未填单位）</source>
            <translation>（未填单位）</translation>
        </message>
        <message>
            <source>无法读取</source>
            <translation>无法读取</translation>
        </message>
        <message>
            <source>已完成（{0}）</source>
            <translation>已完成（{0}）</translation>
        </message>
    </context>
    <context>
        <name>StepReason</name>
        <message>
            <source>单位名称</source>
            <translation>单位名称</translation>
        </message>
        <message>
            <source>报告年度</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>基本信息已填写完整。</source>
            <translation>基本信息已填写完整。</translation>
        </message>
        <message>
            <source>尚未填写：{0}。</source>
            <translation>尚未填写：{0}。</translation>
        </message>
        <message>
            <source>全文还有 {0} 个错误、{1} 个提示。</source>
            <translation>全文还有 {0} 个错误、{1} 个提示。</translation>
        </message>
        <message>
            <source>没有错误，还有 {0} 个提示，请逐条核对。</source>
            <translation>没有错误，还有 {0} 个提示，请逐条核对。</translation>
        </message>
        <message>
            <source>全部检查通过，可以导出。</source>
            <translation>全部检查通过，可以导出。</translation>
        </message>
        <message>
            <source>本部分还没有文字。</source>
            <translation>本部分还没有文字。</translation>
        </message>
        <message>
            <source>本部分有 {0} 个错误，请按检查结果修改。</source>
            <translation>本部分有 {0} 个错误，请按检查结果修改。</translation>
        </message>
        <message>
            <source>只有小标题，还没有正文。</source>
            <translation>只有小标题，还没有正文。</translation>
        </message>
        <message>
            <source>本部分有 {0} 个提示，请逐条核对。</source>
            <translation>本部分有 {0} 个提示，请逐条核对。</translation>
        </message>
        <message>
            <source>本部分已填写，未发现问题。</source>
            <translation>本部分已填写，未发现问题。</translation>
        </message>
        <message>
            <source>本表 {0} 个格子都还没有填写。</source>
            <translation>本表 {0} 个格子都还没有填写。</translation>
        </message>
        <message>
            <source>本表有 {0} 个错误，请按检查结果修改。</source>
            <translation>本表有 {0} 个错误，请按检查结果修改。</translation>
        </message>
        <message>
            <source>还有 {0} 个空白格子（没有数据的格子填 0）。</source>
            <translation>还有 {0} 个空白格子（没有数据的格子填 0）。</translation>
        </message>
        <message>
            <source>本表有 {0} 个提示，请逐条核对。</source>
            <translation>本表有 {0} 个提示，请逐条核对。</translation>
        </message>
        <message>
            <source>本表已填写完整，未发现问题。</source>
            <translation>本表已填写完整，未发现问题。</translation>
        </message>
    </context>
    <context>
        <name>Steps</name>
        <message>
            <source>未开始</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>填写中</source>
            <translation>填写中</translation>
        </message>
        <message>
            <source>有错误</source>
            <translation>有错误</translation>
        </message>
        <message>
            <source>有提示</source>
            <translation>有提示</translation>
        </message>
        <message>
            <source>已完成</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>基本信息</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>检查与导出</source>
            <translation>检查与导出</translation>
        </message>
    </context>
    <context>
        <name>TableSectionPage</name>
        <message>
            <source>将空白单元格填为 0</source>
            <translation>将空白单元格填为 0</translation>
        </message>
        <message>
            <source>直接输入数字；Enter 下移，Tab 右移，Delete 清除；可从 Excel/WPS 复制整块粘贴（Ctrl+V）。</source>
            <translation>直接输入数字；Enter 下移，Tab 右移，Delete 清除；可从 Excel/WPS 复制整块粘贴（Ctrl+V）。</translation>
        </message>
        <message>
            <source>每格左上角的灰色小字是上年（{0}年）的数字。</source>
            <translation>每格左上角的灰色小字是上年（{0}年）的数字。</translation>
        </message>
        <message>
            <source>已知上年（{0}年）报告：鼠标停在单元格上可看上年数字。</source>
            <translation>已知上年（{0}年）报告：鼠标停在单元格上可看上年数字。</translation>
        </message>
        <message>
            <source>蓝底蓝字的数字从上年报告结转而来。</source>
            <translation>蓝底蓝字的数字从上年报告结转而来。</translation>
        </message>
        <message>
            <source>将 {0} 个空白单元格填为 0</source>
            <translation>将 {0} 个空白单元格填为 0</translation>
        </message>
        <message>
            <source>已将 {0} 个空白单元格填为 0（可撤销）。</source>
            <translation>已将 {0} 个空白单元格填为 0（可撤销）。</translation>
        </message>
        <message>
            <source>本表没有空白单元格。</source>
            <translation>本表没有空白单元格。</translation>
        </message>
    </context>
    <context>
        <name>TextSectionPage</name>
        <message>
            <source>插入官方小标题</source>
            <translation>插入官方小标题</translation>
        </message>
        <message>
            <source>插入数据段落</source>
            <translation>插入数据段落</translation>
        </message>
        <message>
            <source>按表格中的数字写出标准段落，插入到光标处；表格改动后可一键更新。</source>
            <translation>按表格中的数字写出标准段落，插入到光标处；表格改动后可一键更新。</translation>
        </message>
        <message>
            <source>按表格中的数字写出依申请公开和复议诉讼的标准段落，插入到“{0}”之下。</source>
            <translation>按表格中的数字写出依申请公开和复议诉讼的标准段落，插入到“{0}”之下。</translation>
        </message>
        <message>
            <source>插入前言</source>
            <translation>插入前言</translation>
        </message>
        <message>
            <source>按基本信息写出前言：编制依据、六个部分、统计期限、发布网站和联系方式。</source>
            <translation>按基本信息写出前言：编制依据、六个部分、统计期限、发布网站和联系方式。</translation>
        </message>
        <message>
            <source>更新数据段落</source>
            <translation>更新数据段落</translation>
        </message>
        <message>
            <source>可点击“插入官方小标题”，按以下结构填写：
</source>
            <translation>可点击“插入官方小标题”，按以下结构填写：
</translation>
        </message>
        <message>
            <source>合并断行</source>
            <translation>合并断行</translation>
        </message>
        <message>
            <source>保持原样</source>
            <translation>保持原样</translation>
        </message>
        <message>
            <source>查看表格中的数字</source>
            <translation>查看表格中的数字</translation>
        </message>
        <message>
            <source>&lt;b&gt;上年报告（{0}年）的本部分&lt;/b&gt;（只读，供说明上年问题的改进情况）</source>
            <translation>&lt;b&gt;上年报告（{0}年）的本部分&lt;/b&gt;（只读，供说明上年问题的改进情况）</translation>
        </message>
        <message>
            <source>上年报告中没有这一部分的文字。</source>
            <translation>上年报告中没有这一部分的文字。</translation>
        </message>
        <message>
            <source>{0} 字</source>
            <translation>{0} 字</translation>
        </message>
        <message>
            <source>粘贴的文字中有 {0} 处句子中间断行（多见于从 PDF 复制）。合并后可撤销。</source>
            <translation>粘贴的文字中有 {0} 处句子中间断行（多见于从 PDF 复制）。合并后可撤销。</translation>
        </message>
        <message>
            <source>粘贴的文字中有 {0} 个残缺的字符（复制时被截断，显示为方框或问号），无法保存，已删除；其余文字未改动。</source>
            <translation>粘贴的文字中有 {0} 个残缺的字符（复制时被截断，显示为方框或问号），无法保存，已删除；其余文字未改动。</translation>
        </message>
        <message>
            <source>文中已有按当前数字写出的数据段落。</source>
            <translation>文中已有按当前数字写出的数据段落。</translation>
        </message>
        <message>
            <source>表格中的数字已改动：文中有 {0} 段插入的数据段落与表格不一致。</source>
            <translation>表格中的数字已改动：文中有 {0} 段插入的数据段落与表格不一致。</translation>
        </message>
    </context>
    <context>
        <name>YearOnYearDialog</name>
        <message>
            <source>同比变化</source>
            <translation>同比变化</translation>
        </message>
        <message>
            <source>只显示变化较大的项目</source>
            <translation>只显示变化较大的项目</translation>
        </message>
        <message>
            <source>复制变化较大的项目</source>
            <translation>复制变化较大的项目</translation>
        </message>
        <message>
            <source>复制为文字，便于在报告中说明变化的原因</source>
            <translation>复制为文字，便于在报告中说明变化的原因</translation>
        </message>
        <message>
            <source>变化较大：增减至少 50% 且至少 10 件。请在“{0}”或相关部分说明原因；双击一行可查看表格中的数字。</source>
            <translation>变化较大：增减至少 50% 且至少 10 件。请在“{0}”或相关部分说明原因；双击一行可查看表格中的数字。</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>上年</source>
            <translation>上年</translation>
        </message>
        <message>
            <source>本年</source>
            <translation>本年</translation>
        </message>
        <message>
            <source>增减</source>
            <translation>增减</translation>
        </message>
        <message>
            <source>增减（%）</source>
            <translation>增减（%）</translation>
        </message>
        <message>
            <source>变化较大</source>
            <translation>变化较大</translation>
        </message>
        <message>
            <source>还没有上年报告：请先在“报告”菜单中“设置上年报告…”。</source>
            <translation>还没有上年报告：请先在“报告”菜单中“设置上年报告…”。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{0}年与上年（{1}年）对比&lt;/b&gt;：{2} 个项目，其中 {3} 个变化较大。</source>
            <translation>&lt;b&gt;{0}年与上年（{1}年）对比&lt;/b&gt;：{2} 个项目，其中 {3} 个变化较大。</translation>
        </message>
        <message>
            <source>（上年报告使用另一种格式，只比较相同编号的项目。）</source>
            <translation>（上年报告使用另一种格式，只比较相同编号的项目。）</translation>
        </message>
    </context>
</TS>
