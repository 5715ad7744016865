<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountSearchPage</name>
    <message>
        <source>Find account</source>
        <translation>账户查询</translation>
    </message>
    <message>
        <source>Change contact details… (Ctrl+E)</source>
        <translation>修改联系方式…（Ctrl+E）</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Holder name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Scan or type the account number, a mobile number, the holder&apos;s name or part of the address, then press Enter</source>
        <translation>扫描或输入户号、手机号、户名或地址的一部分，按回车查询</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Results appear here. A scanned account number opens the account at once.</source>
        <translation>查询结果显示在这里。扫描户号后直接打开该账户。</translation>
    </message>
    <message>
        <source>Back to results (Esc)</source>
        <translation>返回结果 (Esc)</translation>
    </message>
    <message>
        <source>No account matches “{query}”. Check the input or try another kind of search.</source>
        <translation>没有与“{query}”匹配的账户。请核对输入，或换一种方式查询。</translation>
    </message>
    <message>
        <source>{count} accounts found: choose one with the arrow keys and press Enter.</source>
        <translation>找到 {count} 户：用方向键选择，按回车打开。</translation>
    </message>
    <message>
        <source>Only the first {count} matches are shown: type more of the name or address to narrow it.</source>
        <translation>结果较多，仅显示前 {count} 户：请输入更完整的户名或地址缩小范围。</translation>
    </message>
</context>
<context>
    <name>AccountTables</name>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Supply address</source>
        <translation>用电地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>电量 (kWh)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>缴费截止日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>收费员</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation>业务单号</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>承诺完成</translation>
    </message>
</context>
<context>
    <name>AccountView</name>
    <message>
        <source>Total owed</source>
        <translation>欠费合计</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>电价类别</translation>
    </message>
    <message>
        <source>Voltage</source>
        <translation>电压等级</translation>
    </message>
    <message>
        <source>Supply relation</source>
        <translation>供电关系</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Load class</source>
        <translation>负荷等级</translation>
    </message>
    <message>
        <source>Prepaid balance</source>
        <translation>预收余额</translation>
    </message>
    <message>
        <source>Supply address</source>
        <translation>用电地址</translation>
    </message>
    <message>
        <source>Nothing owed</source>
        <translation>无欠费</translation>
    </message>
    <message>
        <source>Bills ({count})</source>
        <translation>账单 ({count})</translation>
    </message>
    <message>
        <source>Payments ({count})</source>
        <translation>缴费记录 ({count})</translation>
    </message>
    <message>
        <source>Open applications ({count})</source>
        <translation>在办业务 ({count})</translation>
    </message>
    <message>
        <source>Key customer</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Vulnerable customer: offer help</source>
        <translation>关爱客户：请主动协助</translation>
    </message>
    <message>
        <source>Credit {rating}</source>
        <translation>信用 {rating}</translation>
    </message>
</context>
<context>
    <name>ApplicationDetailPane</name>
    <message>
        <source>Note or reason (required to return or cancel)</source>
        <translation>备注或原因（退回、撤销时必填）</translation>
    </message>
    <message>
        <source>New holder takes on the arrears</source>
        <translation>新户主承担原户欠费</translation>
    </message>
    <message>
        <source>Expedite request (Ctrl+J)</source>
        <translation>登记催办 (Ctrl+J)</translation>
    </message>
    <message>
        <source>Attach scan (Ctrl+O)</source>
        <translation>添加扫描件 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Record rating</source>
        <translation>登记满意度</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Application form (F8)</source>
        <translation>申请登记表 (F8)</translation>
    </message>
    <message>
        <source>Acceptance receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <source>One-time notice</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>扫描资料</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Choose an application from the list, or press Ctrl+N for a new one.</source>
        <translation>请从左侧列表选择申请，或按 Ctrl+N 新建申请。</translation>
    </message>
    <message>
        <source>Stage: {stage} · accepted {accepted} · committed by {due} · this stage due {stage_due} ({left})</source>
        <translation>当前环节：{stage} · 受理 {accepted} · 承诺办结 {due} · 本环节时限 {stage_due}（{left}）</translation>
    </message>
    <message>
        <source>Documents still to bring: {n}</source>
        <translation>尚有 {n} 项资料待补</translation>
    </message>
    <message>
        <source>→ {stage} (Alt+{n})</source>
        <translation>→ {stage} (Alt+{n})</translation>
    </message>
    <message>
        <source>The ID number&apos;s region code is unknown: check the card.</source>
        <translation>身份证号的地区码不在已知范围内，请核对证件。</translation>
    </message>
    <message>
        <source>Credit code confirmed by a supervisor despite its check character.</source>
        <translation>信用代码校验位不符，已由值班长确认受理。</translation>
    </message>
    <message>
        <source>Real-name verification was not done at acceptance.</source>
        <translation>受理时未完成实名认证。</translation>
    </message>
    <message>
        <source>Credit code {code} is waiting in the supervisor&apos;s queue; the application stays in acceptance until it is approved.</source>
        <translation>信用代码 {code} 正在等待值班长审批；审批通过前，申请停留在受理环节。</translation>
    </message>
    <message>
        <source>{supervisor} refused credit code {code}: {note} Correct the code below.</source>
        <translation>{supervisor} 未通过信用代码 {code}：{note} 请在下方更正代码。</translation>
    </message>
    <message>
        <source>Attach a scanned document</source>
        <translation>添加扫描资料</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>New application</source>
        <translation>新建用电申请</translation>
    </message>
    <message>
        <source>Print one-time notice (Ctrl+I)</source>
        <translation>打印一次性告知书 (Ctrl+I)</translation>
    </message>
    <message>
        <source>Accept and print (Ctrl+Enter)</source>
        <translation>受理并打印 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的项目。</translation>
    </message>
</context>
<context>
    <name>ApplicationFields</name>
    <message>
        <source>Application form signed</source>
        <translation>用电申请登记表（已签字）</translation>
    </message>
    <message>
        <source>Owner&apos;s identity document</source>
        <translation>产权人身份证明</translation>
    </message>
    <message>
        <source>Agent&apos;s identity document</source>
        <translation>经办人身份证明</translation>
    </message>
    <message>
        <source>Letter of authorisation</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>Project approval (government projects)</source>
        <translation>项目审批/核准/备案文件（政府核准项目）</translation>
    </message>
    <message>
        <source>Land-use planning permit or property proof</source>
        <translation>建设用地规划许可证或房产证明</translation>
    </message>
    <message>
        <source>Equipment list with company seal</source>
        <translation>用电设备清单（加盖公章）</translation>
    </message>
    <message>
        <source>New holder&apos;s identity document</source>
        <translation>新户主身份证明</translation>
    </message>
    <message>
        <source>Name change / ownership transfer</source>
        <translation>更名 / 过户</translation>
    </message>
    <message>
        <source>Does the owner or householder change? (yes = transfer)</source>
        <translation>产权/户主是否变更？（勾选＝过户）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Someone applies on the owner&apos;s behalf</source>
        <translation>委托他人代办</translation>
    </message>
    <message>
        <source>kW, for example 8</source>
        <translation>千瓦，例如 8</translation>
    </message>
    <message>
        <source>E-bill by text message</source>
        <translation>短信电子账单</translation>
    </message>
    <message>
        <source>E-bill by e-mail</source>
        <translation>电子邮件账单</translation>
    </message>
    <message>
        <source>Paper bill</source>
        <translation>纸质账单</translation>
    </message>
    <message>
        <source>Real-name verification done</source>
        <translation>已完成实名认证</translation>
    </message>
    <message>
        <source>The new holder takes on the account&apos;s arrears</source>
        <translation>新户主承担原户欠费</translation>
    </message>
    <message>
        <source>Real-name verification is missing: check the ID in person before going on.</source>
        <translation>尚未实名认证：请当面核验身份证件后再办理。</translation>
    </message>
    <message>
        <source>&amp;Business</source>
        <translation>业务类型(&amp;B)</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Agent&apos;s ID number</source>
        <translation>经办人身份证号</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Supply &amp;address</source>
        <translation>用电地址(&amp;A)</translation>
    </message>
    <message>
        <source>Property proof</source>
        <translation>权属证明</translation>
    </message>
    <message>
        <source>&amp;Capacity (kW)</source>
        <translation>申请容量（千瓦）(&amp;C)</translation>
    </message>
    <message>
        <source>Voltage</source>
        <translation>供电电压</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>用电类别</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>账单方式</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Documents brought</source>
        <translation>已收资料</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source> (if it applies)</source>
        <translation>（如适用）</translation>
    </message>
</context>
<context>
    <name>ApplicationTables</name>
    <message>
        <source>{n} working days late</source>
        <translation>已超期 {n} 个工作日</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>{n} working days</source>
        <translation>剩 {n} 个工作日</translation>
    </message>
    <message>
        <source>credit code: waiting for supervisor</source>
        <translation>信用代码：等待值班长审批</translation>
    </message>
    <message>
        <source>credit code refused: correct it</source>
        <translation>信用代码未通过：请更正</translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Expedited</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Stage change</source>
        <translation>环节变更</translation>
    </message>
    <message>
        <source>Expedite request</source>
        <translation>客户催办</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>满意度评价</translation>
    </message>
    <message>
        <source>Document attached</source>
        <translation>添加扫描件</translation>
    </message>
    <message>
        <source>Supervisor&apos;s decision</source>
        <translation>值班长审批结果</translation>
    </message>
    <message>
        <source>Credit code corrected</source>
        <translation>信用代码已更正</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>Application no., account no., ID number, phone or name, then Enter (Ctrl+F)</source>
        <translation>输入申请编号、户号、证件号、手机号或姓名后回车 (Ctrl+F)</translation>
    </message>
    <message>
        <source>New application (F6)</source>
        <translation>新建申请 (F6)</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>业扩及变更申请</translation>
    </message>
    <message>
        <source>Overdue ({n})</source>
        <translation>已超期（{n}）</translation>
    </message>
    <message>
        <source>Due soon ({n})</source>
        <translation>即将到期（{n}）</translation>
    </message>
    <message>
        <source>Search results ({n})</source>
        <translation>查询结果（{n}）</translation>
    </message>
    <message>
        <source>Waiting for a supervisor ({n})</source>
        <translation>等待值班长审批（{n}）</translation>
    </message>
    <message>
        <source>No application matches; check the number or search by name.</source>
        <translation>没有找到申请，请核对编号或按姓名查询。</translation>
    </message>
    <message>
        <source>Application {no} accepted; the form and the receipt are printing.</source>
        <translation>申请 {no} 已受理，正在打印登记表和受理回执。</translation>
    </message>
    <message>
        <source>The document is attached and kept on this PC.</source>
        <translation>扫描件已添加并保存在本机。</translation>
    </message>
</context>
<context>
    <name>ApprovalMessages</name>
    <message>
        <source>Application {application_no} waits for a supervisor to confirm its credit code; it can go on once the request is approved.</source>
        <translation>申请 {application_no} 的信用代码正在等待值班长确认；审批通过后即可继续办理。</translation>
    </message>
    <message>
        <source>A supervisor refused the credit code of application {application_no}; correct the code as their note says, then go on.</source>
        <translation>值班长未通过申请 {application_no} 的信用代码；请按其意见更正代码后再继续办理。</translation>
    </message>
    <message>
        <source>Application {application_no} waits for a supervisor&apos;s approval; it can go on once approved.</source>
        <translation>申请 {application_no} 正在等待值班长审批；审批通过后即可继续办理。</translation>
    </message>
    <message>
        <source>This request was withdrawn meanwhile (corrected or cancelled at the counter); refresh the list.</source>
        <translation>该请求已被撤回（柜台已更正或撤销）；请刷新列表。</translation>
    </message>
    <message>
        <source>This request comes from a newer HallApp; decide it on the PC that made it, or update this PC.</source>
        <translation>该请求来自更新版本的 HallApp；请在发起请求的电脑上审批，或升级本机。</translation>
    </message>
    <message>
        <source>Application {application_no} has no credit code to correct; it is a private person&apos;s application.</source>
        <translation>申请 {application_no} 没有可更正的信用代码：这是个人客户的申请。</translation>
    </message>
    <message>
        <source>Payment reversal</source>
        <translation>收费冲正</translation>
    </message>
    <message>
        <source>Credit code check</source>
        <translation>信用代码核对</translation>
    </message>
    <message>
        <source>The application was cancelled or closed meanwhile; nothing was decided.</source>
        <translation>该申请已被撤销或办结，未作任何审批。</translation>
    </message>
    <message>
        <source>The clerk corrected the credit code meanwhile; nothing was decided.</source>
        <translation>柜员已更正信用代码，未作任何审批。</translation>
    </message>
    <message>
        <source>The payment was already reversed meanwhile; nothing was decided.</source>
        <translation>该笔收费已被冲正，未作任何审批。</translation>
    </message>
    <message>
        <source>The payment is from an earlier business day and can no longer be reversed; nothing was decided.</source>
        <translation>该笔收费属于之前的营业日，已不能冲正，未作任何审批。</translation>
    </message>
    <message>
        <source>The receipt is itself a reversal; nothing was decided.</source>
        <translation>该凭证本身就是冲正凭证，未作任何审批。</translation>
    </message>
    <message>
        <source>What the request was about no longer exists; nothing was decided.</source>
        <translation>请求所涉及的记录已不存在，未作任何审批。</translation>
    </message>
    <message>
        <source>The corrected credit code still fails its check character; check it against the licence once more, or send it to the supervisor&apos;s queue with a reason.</source>
        <translation>更正后的信用代码校验位仍不正确：请再次对照营业执照核对，或填写原因后提交值班长审批。</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <source>Waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Receipt / application</source>
        <translation>凭证号 / 申请编号</translation>
    </message>
    <message>
        <source>Account / applicant</source>
        <translation>户号 / 申请人</translation>
    </message>
    <message>
        <source>Amount / credit code</source>
        <translation>金额 / 信用代码</translation>
    </message>
    <message>
        <source>Approval requests</source>
        <translation>审批请求</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>原因(&amp;S)</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Clerks ask here when no supervisor could approve at their counter: reversals (check the receipt; the clerk then reverses it) and credit codes failing their check character (check the licence; the application then goes on).</source>
        <translation>柜台无值班长当场审批时，柜员在此提交请求：冲正（请核对凭证，批准后由柜员冲正）和校验位不正确的信用代码（请核对营业执照，批准后申请继续办理）。</translation>
    </message>
    <message>
        <source>Approved the reversal of receipt {ref}; the clerk can reverse it now.</source>
        <translation>已批准冲正凭证 {ref}，柜员现在可以冲正。</translation>
    </message>
    <message>
        <source>Refused the reversal of receipt {ref}.</source>
        <translation>已拒绝冲正凭证 {ref}。</translation>
    </message>
    <message>
        <source>Confirmed the credit code of application {ref}; it can go on now.</source>
        <translation>已确认申请 {ref} 的信用代码，申请现在可以继续办理。</translation>
    </message>
    <message>
        <source>Refused the credit code of application {ref}; the clerk sees your reason.</source>
        <translation>已拒绝申请 {ref} 的信用代码，柜员会看到您的原因。</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>&amp;Show decided requests too</source>
        <translation>同时显示已审批的申请(&amp;S)</translation>
    </message>
    <message>
        <source>Optional when approving; required when refusing</source>
        <translation>批准时可不填；驳回时必须填写</translation>
    </message>
    <message>
        <source>Approve (Ctrl+Enter)</source>
        <translation>批准（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <source>{count} request(s) waiting for a decision.</source>
        <translation>{count} 条申请等待审批。</translation>
    </message>
    <message>
        <source>No request is waiting for a decision.</source>
        <translation>没有待审批的申请。</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>This document cannot be shown on this PC; it is kept unchanged.</source>
        <translation>本机无法显示此文件，文件已原样保存。</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Lock and unlock</source>
        <translation>锁屏与解锁</translation>
    </message>
    <message>
        <source>Payments and shifts</source>
        <translation>收费与班次</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Reversals</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Settings and reference data</source>
        <translation>参数与基础数据</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>排队</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>业务受理</translation>
    </message>
    <message>
        <source>Consultations, complaints and notices</source>
        <translation>咨询、投诉与通知</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Record deletion</source>
        <translation>记录删除</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>登录被拒</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <source>Screen unlocked</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Unlock refused</source>
        <translation>解锁被拒</translation>
    </message>
    <message>
        <source>Payment taken</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>交班轧账</translation>
    </message>
    <message>
        <source>Reconnection requested</source>
        <translation>申请复电</translation>
    </message>
    <message>
        <source>Receipt reprinted</source>
        <translation>补打凭证</translation>
    </message>
    <message>
        <source>Payment reversed</source>
        <translation>冲正收费</translation>
    </message>
    <message>
        <source>Approval requested</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Approval given</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Approval refused</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Approval request withdrawn</source>
        <translation>撤回审批请求</translation>
    </message>
    <message>
        <source>Supervisor signed at the counter</source>
        <translation>值班长柜台签批</translation>
    </message>
    <message>
        <source>Supervisor signature refused</source>
        <translation>值班长签批被拒</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>修改参数</translation>
    </message>
    <message>
        <source>Business type saved</source>
        <translation>保存业务类型</translation>
    </message>
    <message>
        <source>Window saved</source>
        <translation>保存窗口</translation>
    </message>
    <message>
        <source>Holiday set</source>
        <translation>设置节假日</translation>
    </message>
    <message>
        <source>Holiday removed</source>
        <translation>删除节假日</translation>
    </message>
    <message>
        <source>Knowledge item added</source>
        <translation>新增知识库条目</translation>
    </message>
    <message>
        <source>Knowledge item edited</source>
        <translation>修改知识库条目</translation>
    </message>
    <message>
        <source>Knowledge item withdrawn</source>
        <translation>停用知识库条目</translation>
    </message>
    <message>
        <source>Queue opened</source>
        <translation>开始叫号</translation>
    </message>
    <message>
        <source>Queue closed</source>
        <translation>停止叫号</translation>
    </message>
    <message>
        <source>Window paused</source>
        <translation>窗口暂停</translation>
    </message>
    <message>
        <source>Window resumed</source>
        <translation>窗口恢复</translation>
    </message>
    <message>
        <source>Application accepted</source>
        <translation>受理申请</translation>
    </message>
    <message>
        <source>Application moved on</source>
        <translation>推进环节</translation>
    </message>
    <message>
        <source>Application expedited</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Application rated</source>
        <translation>评价申请</translation>
    </message>
    <message>
        <source>Scan attached</source>
        <translation>附加扫描件</translation>
    </message>
    <message>
        <source>Credit code decided by a supervisor</source>
        <translation>值班长审批信用代码</translation>
    </message>
    <message>
        <source>Credit code corrected</source>
        <translation>更正信用代码</translation>
    </message>
    <message>
        <source>Consultation recorded</source>
        <translation>登记咨询</translation>
    </message>
    <message>
        <source>Consultation called back</source>
        <translation>咨询回访</translation>
    </message>
    <message>
        <source>Complaint received</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>Complaint: customer contacted</source>
        <translation>投诉：联系客户</translation>
    </message>
    <message>
        <source>Complaint replied</source>
        <translation>投诉：答复</translation>
    </message>
    <message>
        <source>Complaint followed up</source>
        <translation>投诉：回访</translation>
    </message>
    <message>
        <source>Complaint closed</source>
        <translation>投诉：办结</translation>
    </message>
    <message>
        <source>Arrears notice issued</source>
        <translation>开具欠费通知</translation>
    </message>
    <message>
        <source>Arrears notice delivered</source>
        <translation>欠费通知送达</translation>
    </message>
    <message>
        <source>Contact details changed</source>
        <translation>修改联系方式</translation>
    </message>
    <message>
        <source>Sync notice read</source>
        <translation>已读同步通知</translation>
    </message>
    <message>
        <source>Audit trail verified</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <source>Old records deleted</source>
        <translation>删除过期记录</translation>
    </message>
</context>
<context>
    <name>AuditMessages</name>
    <message>
        <source>The start day is in the future; choose today or an earlier day.</source>
        <translation>开始日期在未来：请选择今天或之前的日期。</translation>
    </message>
    <message>
        <source>The start day is after the end day; swap the two days.</source>
        <translation>开始日期晚于结束日期：请对调两个日期。</translation>
    </message>
    <message>
        <source>At most {limit} days can be searched at once; shorten the period.</source>
        <translation>一次最多查询 {limit} 天：请缩短时间段。</translation>
    </message>
    <message>
        <source>This kind of record is unknown to this version; reload the page.</source>
        <translation>本版本不认识这类记录：请重新打开页面。</translation>
    </message>
    <message>
        <source>No record of this kind dated before {day} can be deleted yet; nothing was changed.</source>
        <translation>还没有 {day} 之前的此类记录可以删除，未作任何更改。</translation>
    </message>
    <message>
        <source>The audit trail has been tampered with, so nothing was deleted; verify it and report to the administrator at once.</source>
        <translation>审计日志已被篡改，因此未删除任何记录：请立即校验并报告管理员。</translation>
    </message>
    <message>
        <source>The audit trail is whole: {count} events checked, none changed or missing.</source>
        <translation>审计日志完整：已校验 {count} 条记录，无改动、无缺失。</translation>
    </message>
    <message>
        <source>Event {seq} ({time}) of the audit trail was changed; report to the administrator at once.</source>
        <translation>审计日志第 {seq} 条记录（{time}）被改动，请立即报告管理员。</translation>
    </message>
    <message>
        <source>Event {seq} ({time}) or the one before it was changed; report to the administrator at once.</source>
        <translation>审计日志第 {seq} 条记录（{time}）或其前一条被改动，请立即报告管理员。</translation>
    </message>
    <message>
        <source>Event {seq} of the audit trail was deleted (the event before it is from {time}); report to the administrator at once.</source>
        <translation>审计日志第 {seq} 条记录被删除（其前一条记录时间为 {time}），请立即报告管理员。</translation>
    </message>
    <message>
        <source>The start of the audit trail left by the last deletion of old events was changed; report to the administrator at once.</source>
        <translation>上次删除过期记录时留下的审计日志起点被改动，请立即报告管理员。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>PC</source>
        <translation>电脑</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Event {seq} · {time}</source>
        <translation>第 {seq} 条 · {time}</translation>
    </message>
    <message>
        <source>Staff: {who}  PC: {pc}</source>
        <translation>人员：{who}&#x3000;电脑：{pc}</translation>
    </message>
    <message>
        <source>Concerning: {target}</source>
        <translation>对象：{target}</translation>
    </message>
    <message>
        <source>Audit trail events</source>
        <translation>审计日志记录</translation>
    </message>
    <message>
        <source>Details of the selected event</source>
        <translation>所选记录的详情</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <source>Verify the chain (Ctrl+K)</source>
        <translation>校验日志链（Ctrl+K）</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>e.g. C001</source>
        <translation>例如 C001</translation>
    </message>
    <message>
        <source>PC code</source>
        <translation>电脑编号</translation>
    </message>
    <message>
        <source>receipt, account, reason…</source>
        <translation>凭证号、户号、原因…</translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation>查询（Enter）</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Staff no.</source>
        <translation>工号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;PC</source>
        <translation>电脑(&amp;P)</translation>
    </message>
    <message>
        <source>T&amp;ext</source>
        <translation>文字(&amp;E)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>{count} event(s) shown; more are older.</source>
        <translation>已显示 {count} 条，更早的还有。</translation>
    </message>
    <message>
        <source>{count} event(s).</source>
        <translation>共 {count} 条。</translation>
    </message>
    <message>
        <source>Checking every event of the audit trail…</source>
        <translation>正在逐条校验审计日志…</translation>
    </message>
</context>
<context>
    <name>BusinessTypesPage</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>字母</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Queue business types</source>
        <translation>排队业务类型</translation>
    </message>
    <message>
        <source>The letter starts every ticket number of the type (A001, B001 …).</source>
        <translation>字母是该类型票号的开头（A001、B001 …）。</translation>
    </message>
    <message>
        <source>Guides can issue tickets of this type</source>
        <translation>引导员可取此类号</translation>
    </message>
    <message>
        <source>New type</source>
        <translation>新增类型</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>CardDetail</name>
    <message>
        <source>Items of the scorecard</source>
        <translation>考核项目</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>明细记录(&amp;R)</translation>
    </message>
    <message>
        <source>Records behind the item</source>
        <translation>该项目的明细记录</translation>
    </message>
    <message>
        <source>Choose a clerk to see their card.</source>
        <translation>请选择一名柜员查看其考核表。</translation>
    </message>
    <message>
        <source>{name} ({staff_no}): {total}</source>
        <translation>{name}（{staff_no}）：{total}</translation>
    </message>
    <message>
        <source>No activity this month: the clerk is not scored.</source>
        <translation>本月无业务：该柜员不参与考核。</translation>
    </message>
    <message>
        <source>Total = points earned × 100 ÷ {weight}, the weights of the items scored.</source>
        <translation>总分 = 所得分 × 100 ÷ {weight}（参与考核项目的权重之和）。</translation>
    </message>
    <message>
        <source>Total = the points of the six items.</source>
        <translation>总分 = 六个项目得分之和。</translation>
    </message>
    <message>
        <source>{item}: {figures}. {rule}.</source>
        <translation>{item}：{figures}。{rule}。</translation>
    </message>
</context>
<context>
    <name>CentralAdmin</name>
    <message>
        <source>A hall ID has 1 to 16 letters, digits, - or _, for example H0001.</source>
        <translation>营业厅编号由 1 到 16 位字母、数字、- 或 _ 组成，例如 H0001。</translation>
    </message>
    <message>
        <source>Hall {hall_id} is already registered; choose another hall ID.</source>
        <translation>营业厅 {hall_id} 已登记，请换一个编号。</translation>
    </message>
    <message>
        <source>The central server refused this hall name; enter a name of at most 100 characters.</source>
        <translation>中心服务器不接受该名称，请输入不超过 100 个字的名称。</translation>
    </message>
    <message>
        <source>A code is valid for 1 minute to 7 days; change the minutes.</source>
        <translation>注册码有效期为 1 分钟到 7 天，请修改分钟数。</translation>
    </message>
    <message>
        <source>Staff number {staff_no} is already used on the central server; choose another number.</source>
        <translation>工号 {staff_no} 在中心服务器上已被使用，请换一个工号。</translation>
    </message>
    <message>
        <source>A name has 1 to 40 characters without control characters; please retype it.</source>
        <translation>姓名应为 1 到 40 个字且不含控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>The password is too short for this hall: use at least {minimum} characters.</source>
        <translation>密码太短：该营业厅要求至少 {minimum} 位。</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>The period ends before it starts; choose an end date on or after the start date.</source>
        <translation>结束日期早于开始日期，请选择不早于开始日期的结束日期。</translation>
    </message>
    <message>
        <source>{day} has not come yet (today is {today}); choose today or an earlier day.</source>
        <translation>{day} 还没有到（今天是 {today}），请选择今天或更早的日期。</translation>
    </message>
    <message>
        <source>The central server reports at most {limit} days at once; choose a shorter period.</source>
        <translation>中心服务器一次最多汇总 {limit} 天，请选择较短的时间段。</translation>
    </message>
    <message>
        <source>An admin token is one word without spaces; copy it again from the server administrator.</source>
        <translation>管理令牌是一串不含空格的字符，请向服务器管理员重新复制。</translation>
    </message>
    <message>
        <source>The central server does not accept this admin token (wrong or revoked); enter a valid token and press Connect.</source>
        <translation>中心服务器不接受该管理令牌（错误或已吊销），请输入有效令牌后点“连接”。</translation>
    </message>
    <message>
        <source>No admin token is kept for this server yet; enter the token and press Connect.</source>
        <translation>尚未保存该服务器的管理令牌，请输入令牌后点“连接”。</translation>
    </message>
    <message>
        <source>This PC has no secure store for the token, so it was not kept; ask IT to set up the Windows credential store.</source>
        <translation>本机没有可安全保存令牌的凭据库，令牌未保存；请联系信息部门配置 Windows 凭据管理器。</translation>
    </message>
    <message>
        <source>Hall {hall_id} is not registered on the central server; reload the halls and choose again.</source>
        <translation>中心服务器上没有营业厅 {hall_id}，请刷新后重新选择。</translation>
    </message>
    <message>
        <source>This device is no longer on the central server; reload the device list.</source>
        <translation>中心服务器上已没有该设备，请刷新设备列表。</translation>
    </message>
    <message>
        <source>Device {device_code} is already revoked; reload the device list.</source>
        <translation>设备 {device_code} 已被吊销，请刷新设备列表。</translation>
    </message>
    <message>
        <source>Staff number {staff_no} is not an operator of hall {hall_id}; reload the list.</source>
        <translation>工号 {staff_no} 不是营业厅 {hall_id} 的操作员，请刷新列表。</translation>
    </message>
    <message>
        <source>This address does not lead to a HallApp central server with administration; check the server address.</source>
        <translation>该地址不是支持管理功能的 HallApp 中心服务器，请检查地址。</translation>
    </message>
    <message>
        <source>The central server does not answer; check the server address and the network, then try again.</source>
        <translation>中心服务器没有响应，请检查服务器地址和网络后重试。</translation>
    </message>
</context>
<context>
    <name>CentralAdminPage</name>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Forget token</source>
        <translation>删除令牌(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Halls</source>
        <translation>营业厅(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Enrolment codes</source>
        <translation>注册码(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Devices</source>
        <translation>设备(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Operators</source>
        <translation>操作员(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>服务日志汇总(&amp;R)</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Admin to&amp;ken:</source>
        <translation>管理令牌(&amp;K)：</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>Halls, their PCs and their operators are managed on the central server. A change applies there at once; a hall&apos;s PCs receive operators with their next sync.</source>
        <translation>营业厅、终端和操作员均在中心服务器上管理。修改立即生效；各厅终端在下次同步后收到操作员变更。</translation>
    </message>
    <message>
        <source>Enter the central server&apos;s address and the admin token, then press Connect.</source>
        <translation>请输入中心服务器地址和管理令牌，然后点“连接”。</translation>
    </message>
    <message>
        <source>Enter the admin token made on the server, then press Connect.</source>
        <translation>请输入在服务器上生成的管理令牌，然后点“连接”。</translation>
    </message>
    <message>
        <source>Kept in this PC&apos;s keyring; enter a new one to replace it</source>
        <translation>已保存在本机凭据库；输入新令牌可替换</translation>
    </message>
    <message>
        <source>Paste the token printed by hallapp central admin-token</source>
        <translation>粘贴 hallapp central admin-token 生成的令牌</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected to {url}; halls registered: {count}.</source>
        <translation>已连接 {url}；已登记营业厅 {count} 个。</translation>
    </message>
    <message>
        <source>The admin token is removed from this PC.</source>
        <translation>管理令牌已从本机删除。</translation>
    </message>
    <message>
        <source>Press Connect to use this address.</source>
        <translation>请点“连接”以使用此地址。</translation>
    </message>
</context>
<context>
    <name>CentralCodesTab</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Issue code</source>
        <translation>生成注册码(&amp;I)</translation>
    </message>
    <message>
        <source>Co&amp;py code</source>
        <translation>复制注册码(&amp;P)</translation>
    </message>
    <message>
        <source>Ha&amp;ll:</source>
        <translation>营业厅(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>有效期(&amp;V)：</translation>
    </message>
    <message>
        <source>Enrol a PC</source>
        <translation>注册终端</translation>
    </message>
    <message>
        <source>The code is used once, on the new PC (hallapp enrol), before it expires. It is shown only here and now: write it down or copy it.</source>
        <translation>注册码只能在有效期内于新终端上使用一次（hallapp enrol）。它只在此处显示这一次，请抄下或复制。</translation>
    </message>
    <message>
        <source>For hall {hall_id}, valid once until {time} ({minutes} min).</source>
        <translation>用于营业厅 {hall_id}，一次有效，有效至 {time}（{minutes} 分钟）。</translation>
    </message>
    <message>
        <source>The code is copied; paste it on the new PC.</source>
        <translation>注册码已复制，请在新终端上粘贴。</translation>
    </message>
</context>
<context>
    <name>CentralDeactivateDialog</name>
    <message>
        <source>Deactivate operator {staff_no}</source>
        <translation>停用操作员 {staff_no}</translation>
    </message>
    <message>
        <source>Deactivate {staff_no} {name} of hall {hall_id}? The hall&apos;s PCs stop signing them in after their next sync; what they did stays on record.</source>
        <translation>停用营业厅 {hall_id} 的 {staff_no} {name}？该厅终端下次同步后不再允许其登录；其已办业务仍保留记录。</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CentralDevicesTab</name>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>营业厅</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Uploaded up to</source>
        <translation>已上传至</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Re&amp;voke device…</source>
        <translation>吊销设备(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Update list</source>
        <translation>刷新列表(&amp;U)</translation>
    </message>
    <message>
        <source>Show ha&amp;ll:</source>
        <translation>显示营业厅(&amp;L)：</translation>
    </message>
    <message>
        <source>All halls</source>
        <translation>全部营业厅</translation>
    </message>
    <message>
        <source>Device {code} is revoked; the central server refuses it from now on.</source>
        <translation>设备 {code} 已吊销，中心服务器从现在起拒绝其请求。</translation>
    </message>
</context>
<context>
    <name>CentralHallLogDialog</name>
    <message>
        <source>Daily log of {hall_id} {name}, {period}</source>
        <translation>{hall_id} {name} 服务日志（{period}）</translation>
    </message>
    <message>
        <source>Computed by the central server from what the hall&apos;s PCs uploaded. The tickets and payments behind each figure are listed on the hall&apos;s own PC (its daily counter log).</source>
        <translation>由中心服务器根据该营业厅各电脑上传的数据计算。各项数字背后的号票、收费明细请在该营业厅自己的电脑上（柜面服务日志）查看。</translation>
    </message>
</context>
<context>
    <name>CentralHallsTab</name>
    <message>
        <source>Hall ID</source>
        <translation>营业厅编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Active PCs</source>
        <translation>在用终端</translation>
    </message>
    <message>
        <source>Active operators</source>
        <translation>在职操作员</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>For example H0002</source>
        <translation>例如 H0002</translation>
    </message>
    <message>
        <source>For example 城西供电营业厅</source>
        <translation>例如 城西供电营业厅</translation>
    </message>
    <message>
        <source>Add ha&amp;ll</source>
        <translation>登记营业厅(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Update list</source>
        <translation>刷新列表(&amp;U)</translation>
    </message>
    <message>
        <source>Hall &amp;ID:</source>
        <translation>营业厅编号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Register a hall</source>
        <translation>登记营业厅</translation>
    </message>
    <message>
        <source>Then issue an enrolment code for each of its PCs and add its operators.</source>
        <translation>然后为其每台终端生成注册码，并添加操作员。</translation>
    </message>
    <message>
        <source>Hall {hall_id} {name} is registered; issue an enrolment code for its first PC.</source>
        <translation>营业厅 {hall_id} {name} 已登记，请为其第一台终端生成注册码。</translation>
    </message>
</context>
<context>
    <name>CentralOperatorsTab</name>
    <message>
        <source>Staff no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Offline sign-in until</source>
        <translation>离线登录有效至</translation>
    </message>
    <message>
        <source>Deacti&amp;vate…</source>
        <translation>停用(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Update list</source>
        <translation>刷新列表(&amp;U)</translation>
    </message>
    <message>
        <source>For example C101</source>
        <translation>例如 C101</translation>
    </message>
    <message>
        <source>Add opera&amp;tor</source>
        <translation>新增操作员(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Staff no.:</source>
        <translation>工号(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>岗位(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>再次输入密码(&amp;G)：</translation>
    </message>
    <message>
        <source>New operator of this hall</source>
        <translation>新增本厅操作员</translation>
    </message>
    <message>
        <source>Ha&amp;ll:</source>
        <translation>营业厅(&amp;L)：</translation>
    </message>
    <message>
        <source>{staff_no} {name} is added; the hall&apos;s PCs can sign them in after their next sync.</source>
        <translation>{staff_no} {name} 已新增，该厅终端下次同步后即可登录。</translation>
    </message>
    <message>
        <source>{staff_no} {name} is deactivated; the hall&apos;s PCs refuse them after their next sync.</source>
        <translation>{staff_no} {name} 已停用，该厅终端下次同步后将拒绝其登录。</translation>
    </message>
</context>
<context>
    <name>CentralReportTab</name>
    <message>
        <source>Hall</source>
        <translation>营业厅</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Avg wait (min)</source>
        <translation>平均等候（分）</translation>
    </message>
    <message>
        <source>P{p} wait (min)</source>
        <translation>等候P{p}（分）</translation>
    </message>
    <message>
        <source>Longest wait (min)</source>
        <translation>最长等候（分）</translation>
    </message>
    <message>
        <source>Avg handling (min)</source>
        <translation>平均办理（分）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{count} halls</source>
        <translation>{count} 个营业厅</translation>
    </message>
    <message>
        <source>Refre&amp;sh (F5)</source>
        <translation>刷新(&amp;S)（F5）</translation>
    </message>
    <message>
        <source>Figures by hall</source>
        <translation>各营业厅数据</translation>
    </message>
    <message>
        <source>Da&amp;y:</source>
        <translation>日期(&amp;Y)：</translation>
    </message>
    <message>
        <source>Figures from what each hall&apos;s PCs have uploaded; today&apos;s grow as they sync. Enter on a hall opens its whole daily log.</source>
        <translation>数据来自各营业厅电脑已上传的记录，今天的数据会随同步不断增加。在营业厅一行按回车可打开该厅完整的服务日志。</translation>
    </message>
    <message>
        <source>Asking the central server…</source>
        <translation>正在向中心服务器查询…</translation>
    </message>
    <message>
        <source>Service log summary, {period}</source>
        <translation>服务日志汇总（{period}）</translation>
    </message>
    <message>
        <source>No hall recorded anything on {period} (as far as its PCs have uploaded).</source>
        <translation>{period} 各营业厅没有任何记录（以各厅电脑已上传的为准）。</translation>
    </message>
    <message>
        <source>Choose a hall&apos;s row to open its daily log.</source>
        <translation>请选择一个营业厅所在行，再打开其服务日志。</translation>
    </message>
</context>
<context>
    <name>CentralRevokeDialog</name>
    <message>
        <source>Revoke device {code}</source>
        <translation>吊销设备 {code}</translation>
    </message>
    <message>
        <source>The central server will refuse device {code} ({host}, hall {hall_id}) from its next request: it can no longer upload payments or receive updates. To use that PC again it must be enrolled with a new code. This cannot be undone.</source>
        <translation>中心服务器将从下次请求起拒绝设备 {code}（{host}，营业厅 {hall_id}）：它不能再上传收费或接收更新。该电脑须用新注册码重新注册才能再用。此操作不可撤销。</translation>
    </message>
    <message>
        <source>For example: PC replaced, disk failed</source>
        <translation>例如：更换电脑、硬盘损坏</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Re&amp;voke device</source>
        <translation>吊销设备(&amp;V)</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close shift (cash-up)</source>
        <translation>日结轧账</translation>
    </message>
    <message>
        <source>Cash-up of {day}</source>
        <translation>{day} 日结轧账</translation>
    </message>
    <message>
        <source>Shift opened at {time} · {payments} payment(s), {reversals} reversal(s) · net {net}</source>
        <translation>开班时间 {time} · 收费 {payments} 笔，冲正 {reversals} 笔 · 净额 {net}</translation>
    </message>
    <message>
        <source>Close shift and print report</source>
        <translation>轧账并打印报表</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>&amp;Reason for a difference</source>
        <translation>长短款原因(&amp;R)</translation>
    </message>
    <message>
        <source>Expected cash in the drawer</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Cash taken in this shift, net of reversals</source>
        <translation>本班现金收费（已扣除冲正）</translation>
    </message>
    <message>
        <source>Note or coin</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>张/枚</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Pieces of {value}</source>
        <translation>{value} 的张数/枚数</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Difference (counted - expected)</source>
        <translation>差额（实点 − 应有）</translation>
    </message>
    <message>
        <source>Required: the counted cash differs from the expected cash; say why.</source>
        <translation>必填：实点现金与应有现金不符，请说明原因。</translation>
    </message>
    <message>
        <source>Not needed while the count matches.</source>
        <translation>账款相符时无需填写。</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>New complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Choose the cause…</source>
        <translation>请选择投诉原因…</translation>
    </message>
    <message>
        <source>Needed for the follow-up call</source>
        <translation>回访需要</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>What happened, in the customer&apos;s words</source>
        <translation>按客户原话记录投诉内容</translation>
    </message>
    <message>
        <source>Record complaint (Ctrl+Enter)</source>
        <translation>登记投诉（Ctrl+回车）</translation>
    </message>
    <message>
        <source>&amp;Cause</source>
        <translation>投诉原因(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>Customer &amp;name</source>
        <translation>客户姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Account no.</source>
        <translation>户号(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>投诉内容(&amp;W)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>The customer is contacted within the committed hours and answered within the committed working days; the complaint closes only after a follow-up call.</source>
        <translation>须在承诺时限内联系客户、在承诺工作日内答复；回访后方可办结。</translation>
    </message>
</context>
<context>
    <name>ComplaintPane</name>
    <message>
        <source>No complaint selected</source>
        <translation>未选择投诉</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Contact by</source>
        <translation>联系期限</translation>
    </message>
    <message>
        <source>Reply by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Contact… (Ctrl+L)</source>
        <translation>联系客户…（Ctrl+L）</translation>
    </message>
    <message>
        <source>Reply… (Ctrl+R)</source>
        <translation>答复…（Ctrl+R）</translation>
    </message>
    <message>
        <source>Follow-up call… (Ctrl+H)</source>
        <translation>回访…（Ctrl+H）</translation>
    </message>
    <message>
        <source>Close… (Ctrl+E)</source>
        <translation>办结…（Ctrl+E）</translation>
    </message>
    <message>
        <source>Account no. {number}</source>
        <translation>户号 {number}</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>not satisfied</source>
        <translation>不满意</translation>
    </message>
</context>
<context>
    <name>ComplaintTab</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <source>Contact by</source>
        <translation>联系期限</translation>
    </message>
    <message>
        <source>Reply by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>New complaint… (Ctrl+N)</source>
        <translation>登记投诉…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open complaints (overdue first)</source>
        <translation>未办结投诉（超期在前）</translation>
    </message>
    <message>
        <source>Complaint {number} recorded: contact the customer by {contact}, reply by {reply}.</source>
        <translation>投诉 {number} 已登记：请于 {contact} 前联系客户，{reply} 前答复。</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>A closed complaint cannot be opened again.</source>
        <translation>投诉办结后不能重新打开。</translation>
    </message>
    <message>
        <source>Record the contact with the customer</source>
        <translation>记录联系客户</translation>
    </message>
    <message>
        <source>What was &amp;agreed with the customer</source>
        <translation>与客户约定的内容(&amp;A)</translation>
    </message>
    <message>
        <source>Record contact (Ctrl+Enter)</source>
        <translation>记录联系（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Record the reply</source>
        <translation>记录答复</translation>
    </message>
    <message>
        <source>What the customer was &amp;answered</source>
        <translation>答复客户的内容(&amp;A)</translation>
    </message>
    <message>
        <source>Record reply (Ctrl+Enter)</source>
        <translation>记录答复（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Record the follow-up call</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>What the customer &amp;said</source>
        <translation>客户反馈(&amp;S)</translation>
    </message>
    <message>
        <source>Record follow-up call (Ctrl+Enter)</source>
        <translation>记录回访（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Close the complaint</source>
        <translation>办结投诉</translation>
    </message>
    <message>
        <source>Close complaint (Enter)</source>
        <translation>办结（回车）</translation>
    </message>
    <message>
        <source>{number}: {step}.</source>
        <translation>{number}：{step}。</translation>
    </message>
</context>
<context>
    <name>ConsultationTab</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Call back by</source>
        <translation>回电期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>已回电</translation>
    </message>
    <message>
        <source>To call back</source>
        <translation>待回电</translation>
    </message>
    <message>
        <source>Add to knowledge base (Ctrl+K)</source>
        <translation>加入知识库（Ctrl+K）</translation>
    </message>
    <message>
        <source>Record callback… (Ctrl+B)</source>
        <translation>记录回电…（Ctrl+B）</translation>
    </message>
    <message>
        <source>For example 王女士</source>
        <translation>例如：王女士</translation>
    </message>
    <message>
        <source>Required when a callback is needed</source>
        <translation>需要回电时必填</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Answered on the spot</source>
        <translation>当场答复</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+回车）</translation>
    </message>
    <message>
        <source>New form</source>
        <translation>新咨询单</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>Customer &amp;name</source>
        <translation>客户姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Account no.</source>
        <translation>户号(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>问题(&amp;Q)</translation>
    </message>
    <message>
        <source>Ans&amp;wer</source>
        <translation>答复(&amp;W)</translation>
    </message>
    <message>
        <source>Call &amp;back by</source>
        <translation>回电期限(&amp;B)</translation>
    </message>
    <message>
        <source>Consultation form</source>
        <translation>业务咨询单</translation>
    </message>
    <message>
        <source>Today&apos;s consultations</source>
        <translation>今日咨询</translation>
    </message>
    <message>
        <source>Callbacks to make (overdue first)</source>
        <translation>待回电（超期在前）</translation>
    </message>
    <message>
        <source>Saved as {number}.</source>
        <translation>已保存，编号 {number}。</translation>
    </message>
    <message>
        <source>Saved as {number}; call the customer back by {time}.</source>
        <translation>已保存，编号 {number}；请于 {time} 前回电。</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询单</translation>
    </message>
    <message>
        <source>Record the callback</source>
        <translation>记录回电</translation>
    </message>
    <message>
        <source>What the customer was &amp;told</source>
        <translation>告知客户的内容(&amp;T)</translation>
    </message>
    <message>
        <source>Record callback (Ctrl+Enter)</source>
        <translation>记录回电（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Callback recorded for {number}.</source>
        <translation>{number} 的回电已记录。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact details of {holder}</source>
        <translation>{holder} 的联系方式</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Mailing address:</source>
        <translation>通讯地址(&amp;M)：</translation>
    </message>
    <message>
        <source>The holder&apos;s name and ID number change only through a name change or transfer application.</source>
        <translation>户名和证件号码只能通过更名或过户业务变更。</translation>
    </message>
</context>
<context>
    <name>DailyLog</name>
    <message>
        <source>{day} has not come yet (today is {today}); choose today or an earlier day.</source>
        <translation>{day} 尚未到来（今天是 {today}），请选择今天或之前的日期。</translation>
    </message>
    <message>
        <source>A counter log covers at most {limit} days; choose a shorter period.</source>
        <translation>一份台账最多涵盖 {limit} 天，请缩短时间段。</translation>
    </message>
    <message>
        <source>The period ends before it starts; choose an end date on or after the start date.</source>
        <translation>结束日期早于开始日期，请选择不早于开始日期的结束日期。</translation>
    </message>
    <message>
        <source>The file cannot be saved in {folder}; choose another folder you may write to.</source>
        <translation>无法在 {folder} 中保存文件：请选择另一个有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full and nothing was saved; choose another folder or drive.</source>
        <translation>{folder} 所在磁盘已满，未保存任何内容：请选择其他文件夹或磁盘。</translation>
    </message>
    <message>
        <source>This PC is not connected to a central server, so it only knows its own records; untick “Every PC of the hall”.</source>
        <translation>本机没有连接中心服务器，只有本机自己的记录，请取消勾选“全厅所有电脑”。</translation>
    </message>
    <message>
        <source>The central server does not answer just now; untick “Every PC of the hall” to see this PC&apos;s own records, or try again later.</source>
        <translation>中心服务器暂时没有响应：请取消勾选“全厅所有电脑”查看本机记录，或稍后再试。</translation>
    </message>
    <message>
        <source>The central server no longer accepts this PC; ask the administrator to enrol it again.</source>
        <translation>中心服务器已不再接受本机，请联系管理员重新注册本机。</translation>
    </message>
</context>
<context>
    <name>DailyLogCharts</name>
    <message>
        <source>Most customers waiting</source>
        <translation>最多同时等候人数</translation>
    </message>
    <message>
        <source>Waits (minutes)</source>
        <translation>等候时间（分钟）</translation>
    </message>
    <message>
        <source>Customers served per window</source>
        <translation>各窗口服务人数</translation>
    </message>
    <message>
        <source>Satisfaction ratings</source>
        <translation>满意度评价</translation>
    </message>
    <message>
        <source>Money collected (net)</source>
        <translation>收费金额（净额）</translation>
    </message>
    <message>
        <source>Tickets issued and called</source>
        <translation>取号与叫号</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>时</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>longest</source>
        <translation>最长</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>{score} pts</source>
        <translation>{score} 分</translation>
    </message>
</context>
<context>
    <name>DailyLogDrill</name>
    <message>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>暂挂</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>首问人</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>收费时间</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Reverses</source>
        <translation>冲正原凭证</translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>{step} (not satisfied)</source>
        <translation>{step}（不满意）</translation>
    </message>
    <message>
        <source>Complaint no.</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Called back {time}</source>
        <translation>已于 {time} 回访</translation>
    </message>
    <message>
        <source>Call back by {time}</source>
        <translation>须在 {time} 前回访</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未答复</translation>
    </message>
    <message>
        <source>Consultation no.</source>
        <translation>咨询单号</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>咨询内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DailyLogExport</name>
    <message>
        <source>Save the counter log as Excel</source>
        <translation>将柜面日志保存为 Excel</translation>
    </message>
    <message>
        <source>Save the counter log as PDF</source>
        <translation>将柜面日志保存为 PDF</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Counter log {period}</source>
        <translation>柜面日志 {period}</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>正在保存 {name}…</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
</context>
<context>
    <name>DailyLogPage</name>
    <message>
        <source>&amp;Period to</source>
        <translation>截至(&amp;P)</translation>
    </message>
    <message>
        <source>Previous (PgUp)</source>
        <translation>前一天（PgUp）</translation>
    </message>
    <message>
        <source>Next (PgDn)</source>
        <translation>后一天（PgDn）</translation>
    </message>
    <message>
        <source>Every PC of the hall (&amp;W)</source>
        <translation>全厅所有电脑(&amp;W)</translation>
    </message>
    <message>
        <source>Ask the central server for what every PC of this hall has synced. The records behind a figure can only be listed for this PC&apos;s own.</source>
        <translation>向中心服务器查询本厅所有电脑已同步的记录。数字背后的明细只能列出本机的记录。</translation>
    </message>
    <message>
        <source>Excel (Ctrl+E)</source>
        <translation>Excel（Ctrl+E）</translation>
    </message>
    <message>
        <source>PDF (Ctrl+P)</source>
        <translation>PDF（Ctrl+P）</translation>
    </message>
    <message>
        <source>Figures by window</source>
        <translation>按窗口统计</translation>
    </message>
    <message>
        <source>Figures by clerk</source>
        <translation>按柜员统计</translation>
    </message>
    <message>
        <source>Daily counter log</source>
        <translation>营业厅柜面日志</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>By window</source>
        <translation>按窗口</translation>
    </message>
    <message>
        <source>By clerk</source>
        <translation>按柜员</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Applications, complaints, consultations</source>
        <translation>业务受理、投诉、咨询</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Nothing was recorded</source>
        <translation>没有任何记录</translation>
    </message>
    <message>
        <source>Cash-up</source>
        <translation>轧账</translation>
    </message>
    <message>
        <source>No tickets, payments, applications, complaints or consultations were recorded on {period}. Choose another day with PgUp/PgDn or the date box.</source>
        <translation>{period} 没有取号、收费、业务受理、投诉或咨询记录。请用 PgUp/PgDn 或日期框选择其他日期。</translation>
    </message>
    <message>
        <source>Whole hall</source>
        <translation>全厅</translation>
    </message>
    <message>
        <source>Reprinted receipts: {reprints}. Reversals of earlier days&apos; payments: {other}.</source>
        <translation>补打凭证：{reprints}。冲正以前营业日的收费：{other}。</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <source>This figure has no list of records behind it.</source>
        <translation>此数字没有对应的明细记录。</translation>
    </message>
    <message>
        <source>Nothing is behind this figure: it counts no records.</source>
        <translation>此数字为零，没有对应的记录。</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Avg wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>Waits</source>
        <translation>等候</translation>
    </message>
    <message>
        <source>P{p} wait</source>
        <translation>P{p} 等候</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <source>Avg handling</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>办理</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>达标率</translation>
    </message>
    <message>
        <source>Waited no longer than the target</source>
        <translation>等候不超过目标</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>转移</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Bad ratings</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>{name} (left)</source>
        <translation>{name}（已离职）</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收费笔数</translation>
    </message>
    <message>
        <source>Net taken</source>
        <translation>净收</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>总额</translation>
    </message>
    <message>
        <source>Reversals</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>冲正金额</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Cash-up difference</source>
        <translation>轧账差额</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已交班</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未交班</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>5 Very satisfied</source>
        <translation>5 非常满意</translation>
    </message>
    <message>
        <source>4 Satisfied</source>
        <translation>4 满意</translation>
    </message>
    <message>
        <source>3 Fairly satisfied</source>
        <translation>3 基本满意</translation>
    </message>
    <message>
        <source>2 Dissatisfied</source>
        <translation>2 不满意</translation>
    </message>
    <message>
        <source>1 Very dissatisfied</source>
        <translation>1 非常不满意</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Bad rating</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Done the same day</source>
        <translation>当日办结</translation>
    </message>
    <message>
        <source>Same-day rate</source>
        <translation>当日办结率</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>咨询</translation>
    </message>
</context>
<context>
    <name>DisplayBoard</name>
    <message>
        <source>HallApp display board</source>
        <translation>营业厅叫号显示屏</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>排队情况</translation>
    </message>
    <message>
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <source>No calls yet: please listen for your number</source>
        <translation>暂无叫号，请留意语音提示</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <source>Ticket issuing open</source>
        <translation>正在取号</translation>
    </message>
    <message>
        <source>Ticket issuing closed</source>
        <translation>暂停取号</translation>
    </message>
    <message>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <source>Ticket {no}: please go to window {n}</source>
        <translation>请 {no} 号到 {n} 号窗口办理</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <source>Est. wait</source>
        <translation>预计等候</translation>
    </message>
    <message>
        <source>No window open</source>
        <translation>暂无窗口</translation>
    </message>
    <message>
        <source>No wait</source>
        <translation>无需等候</translation>
    </message>
    <message>
        <source>about {n} min</source>
        <translation>约 {n} 分钟</translation>
    </message>
    <message>
        <source>The queue cannot be reached: reconnecting… The numbers below are from {time} and may be out of date.</source>
        <translation>叫号系统连接中断，正在重新连接…… 以下为 {time} 的信息，可能已有变化。</translation>
    </message>
</context>
<context>
    <name>DisplayControlPage</name>
    <message>
        <source>Collection peak: days {first} to {last} of each month; pay at quiet times or in the 网上国网 app. Service hotline {hotline} · Energy regulator {regulator}</source>
        <translation>每月{first}日至{last}日为缴费高峰期，建议错峰办理或使用“网上国网”App缴费&#x3000;·&#x3000;供电服务热线 {hotline}&#x3000;·&#x3000;能源监管热线 {regulator}</translation>
    </message>
    <message>
        <source>Display board</source>
        <translation>叫号显示屏</translation>
    </message>
    <message>
        <source>Open the display board</source>
        <translation>打开显示屏</translation>
    </message>
    <message>
        <source>It opens full screen on the second screen (hall TV). Press Esc on the board to close it.</source>
        <translation>显示屏将在第二块屏幕（大厅电视）上全屏打开。在显示屏上按 Esc 关闭。</translation>
    </message>
    <message>
        <source>Only one screen is connected: the board opens in a window. Press Esc on the board to close it.</source>
        <translation>当前只连接了一块屏幕，显示屏将以窗口方式打开。在显示屏上按 Esc 关闭。</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>{count} ticket(s)</source>
        <translation>{count} 张号票</translation>
    </message>
    <message>
        <source>{count} payment(s) and reversal(s)</source>
        <translation>{count} 笔收费及冲正</translation>
    </message>
    <message>
        <source>{count} application(s)</source>
        <translation>{count} 件申请</translation>
    </message>
    <message>
        <source>{count} complaint(s)</source>
        <translation>{count} 条投诉</translation>
    </message>
    <message>
        <source>{count} consultation(s)</source>
        <translation>{count} 条咨询</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <source>Lobby guide</source>
        <translation>引导员</translation>
    </message>
    <message>
        <source>Counter clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Residential</source>
        <translation>居民生活</translation>
    </message>
    <message>
        <source>Non-residential</source>
        <translation>非居民生活</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>商业</translation>
    </message>
    <message>
        <source>Non-industrial</source>
        <translation>非工业</translation>
    </message>
    <message>
        <source>General industrial</source>
        <translation>普通工业</translation>
    </message>
    <message>
        <source>Large industrial</source>
        <translation>大工业</translation>
    </message>
    <message>
        <source>Agricultural production</source>
        <translation>农业生产</translation>
    </message>
    <message>
        <source>Wholesale</source>
        <translation>趸售</translation>
    </message>
    <message>
        <source>Direct supply</source>
        <translation>直供</translation>
    </message>
    <message>
        <source>Wholesale supply</source>
        <translation>趸售</translation>
    </message>
    <message>
        <source>Transfer supply</source>
        <translation>转供</translation>
    </message>
    <message>
        <source>Class 1 load</source>
        <translation>一级负荷</translation>
    </message>
    <message>
        <source>Class 2 load</source>
        <translation>二级负荷</translation>
    </message>
    <message>
        <source>Class 3 load</source>
        <translation>三级负荷</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>正常用电</translation>
    </message>
    <message>
        <source>Supply suspended</source>
        <translation>欠费停电</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销户</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>未缴</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>部分缴费</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已缴清</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Prepaid balance</source>
        <translation>预收余额</translation>
    </message>
    <message>
        <source>Handed over at the counter</source>
        <translation>柜台当面送达</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>Posted at the premises</source>
        <translation>张贴送达</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>短信送达</translation>
    </message>
    <message>
        <source>Not yet signed</source>
        <translation>未签收</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Refused to sign</source>
        <translation>拒绝签收</translation>
    </message>
    <message>
        <source>Low-voltage residential new connection</source>
        <translation>低压居民新装</translation>
    </message>
    <message>
        <source>Low-voltage non-residential new connection</source>
        <translation>低压非居民新装</translation>
    </message>
    <message>
        <source>Residential capacity increase</source>
        <translation>低压居民增容</translation>
    </message>
    <message>
        <source>Non-residential capacity increase</source>
        <translation>低压非居民增容</translation>
    </message>
    <message>
        <source>Fees settled</source>
        <translation>已收费</translation>
    </message>
    <message>
        <source>Name change</source>
        <translation>更名</translation>
    </message>
    <message>
        <source>Ownership transfer</source>
        <translation>过户</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Site survey</source>
        <translation>现场勘查</translation>
    </message>
    <message>
        <source>Supply plan replied</source>
        <translation>方案已答复</translation>
    </message>
    <message>
        <source>Completion inspection</source>
        <translation>竣工检验</translation>
    </message>
    <message>
        <source>Arrears checked</source>
        <translation>欠费已核查</translation>
    </message>
    <message>
        <source>Contract signed</source>
        <translation>合同已签</translation>
    </message>
    <message>
        <source>Records changed</source>
        <translation>档案已变更</translation>
    </message>
    <message>
        <source>Metered and connected</source>
        <translation>已装表接电</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Returned: materials incomplete</source>
        <translation>已退回（资料不全）</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>书面</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Poor power quality</source>
        <translation>电能品质不佳</translation>
    </message>
    <message>
        <source>Poor service attitude</source>
        <translation>服务态度欠佳</translation>
    </message>
    <message>
        <source>Slow service</source>
        <translation>服务效率低</translation>
    </message>
    <message>
        <source>Poor quality of work</source>
        <translation>工作质量差</translation>
    </message>
    <message>
        <source>Lack of verbal skill</source>
        <translation>缺乏语言技巧</translation>
    </message>
    <message>
        <source>Inconvenient service</source>
        <translation>服务不方便</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系客户</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Met late</source>
        <translation>超期完成</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This field is empty; please fill it in.</source>
        <translation>此项不能为空，请填写。</translation>
    </message>
    <message>
        <source>Please enter a number, for example 128.50.</source>
        <translation>请输入数字，例如 128.50。</translation>
    </message>
    <message>
        <source>Amounts have at most two decimal places (fen).</source>
        <translation>金额最多保留两位小数（到分）。</translation>
    </message>
    <message>
        <source>Please enter an amount greater than zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <source>The amount is larger than the limit of {limit}; please check it.</source>
        <translation>金额超过上限 {limit}，请核对。</translation>
    </message>
    <message>
        <source>The input contains invisible control characters; please retype it.</source>
        <translation>输入中含有不可见的控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>Please enter at most {limit} characters.</source>
        <translation>最多输入 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The search contains symbols that cannot be searched; use Chinese characters, letters or digits.</source>
        <translation>查询内容含有无法查询的符号，请只输入汉字、字母或数字。</translation>
    </message>
    <message>
        <source>Please enter the phone number as digits only, 4 to 11 of them.</source>
        <translation>手机号请只输入数字，4 到 11 位。</translation>
    </message>
    <message>
        <source>Enter at least {limit} characters of the address.</source>
        <translation>地址请至少输入 {limit} 个字。</translation>
    </message>
    <message>
        <source>You entered {length} digits: an account number has {expected} digits and a mobile number 11; please check the number.</source>
        <translation>您输入了 {length} 位数字：户号为 {expected} 位，手机号为 11 位，请核对号码。</translation>
    </message>
    <message>
        <source>An account number has {expected} digits; you entered {length}.</source>
        <translation>户号应为 {expected} 位数字，您输入了 {length} 位。</translation>
    </message>
    <message>
        <source>Please enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>The value must be at least {limit}.</source>
        <translation>数值不能小于 {limit}。</translation>
    </message>
    <message>
        <source>The value must be at most {limit}.</source>
        <translation>数值不能大于 {limit}。</translation>
    </message>
    <message>
        <source>Please choose yes or no.</source>
        <translation>请选择是或否。</translation>
    </message>
    <message>
        <source>Please enter a time as hours:minutes, for example 08:30.</source>
        <translation>请按“时:分”输入时间，例如 08:30。</translation>
    </message>
    <message>
        <source>This value must not be smaller than the related value it follows.</source>
        <translation>此值不能小于与之对应的起始值。</translation>
    </message>
    <message>
        <source>A staff number has letters and digits only, for example C001.</source>
        <translation>工号只含字母和数字，例如 C001。</translation>
    </message>
    <message>
        <source>This letter is already used by “{other}”; choose another letter.</source>
        <translation>该字母已被“{other}”使用，请换一个字母。</translation>
    </message>
    <message>
        <source>The code uses lower-case letters, digits and _ and starts with a letter.</source>
        <translation>代码只能用小写字母、数字和下划线，并以字母开头。</translation>
    </message>
    <message>
        <source>Choose one capital letter from A to Z.</source>
        <translation>请选择 A 到 Z 中的一个大写字母。</translation>
    </message>
    <message>
        <source>Please choose a date between 2000 and 2100.</source>
        <translation>请选择 2000 年到 2100 年之间的日期。</translation>
    </message>
    <message>
        <source>The cash received is less than the amount of {amount}; please check the cash.</source>
        <translation>实收现金少于缴费金额 {amount}，请核对现金。</translation>
    </message>
    <message>
        <source>The POS reference has 6 to 32 letters or digits; copy it from the card slip.</source>
        <translation>POS 参考号为 6 至 32 位字母或数字，请按签购单填写。</translation>
    </message>
    <message>
        <source>This is not a WeChat Pay payment code (18 digits starting with 10 to 15); scan the customer&apos;s code again.</source>
        <translation>这不是微信付款码（以 10–15 开头的 18 位数字），请重新扫描客户的付款码。</translation>
    </message>
    <message>
        <source>This is not an Alipay payment code (16 to 24 digits starting with 25 to 30); scan the customer&apos;s code again.</source>
        <translation>这不是支付宝付款码（以 25–30 开头的 16–24 位数字），请重新扫描客户的付款码。</translation>
    </message>
    <message>
        <source>Count only RMB notes and coins of the listed values.</source>
        <translation>只能清点所列面额的人民币纸币和硬币。</translation>
    </message>
    <message>
        <source>Enter the number of notes or coins as a whole number, 0 or more.</source>
        <translation>请输入张数或枚数（0 或正整数）。</translation>
    </message>
    <message>
        <source>Choose one of the listed priority reasons.</source>
        <translation>请从列出的优先原因中选择一项。</translation>
    </message>
    <message>
        <source>Choose what to search by from the list.</source>
        <translation>请从列表中选择查询方式。</translation>
    </message>
    <message>
        <source>This action is not available at the counter.</source>
        <translation>柜台不能执行此操作。</translation>
    </message>
    <message>
        <source>Window numbers go from 1 to {limit}.</source>
        <translation>窗口号应在 1 到 {limit} 之间。</translation>
    </message>
    <message>
        <source>A business type of this window no longer exists; reload the page and tick again.</source>
        <translation>该窗口的某个业务类型已不存在，请刷新页面后重新勾选。</translation>
    </message>
    <message>
        <source>Tick at least one business type, or take the window out of service.</source>
        <translation>请至少勾选一种业务类型，或将窗口设为停用。</translation>
    </message>
    <message>
        <source>Choose the business type or window to transfer to.</source>
        <translation>请选择要转往的业务类型或窗口。</translation>
    </message>
    <message>
        <source>Choose one of the five ratings.</source>
        <translation>请在五个评价等级中选择一个。</translation>
    </message>
    <message>
        <source>The request was not understood; please update HallApp on this PC.</source>
        <translation>请求无法识别，请将本机的 HallApp 升级到最新版本。</translation>
    </message>
    <message>
        <source>A manual ticket could not be read; please tell the administrator.</source>
        <translation>有一张手工号无法读取，请告知系统管理员。</translation>
    </message>
    <message>
        <source>Too many manual tickets at once (at most {limit}); they are handed over in parts.</source>
        <translation>一次提交的手工号太多（最多 {limit} 张），系统会分批提交。</translation>
    </message>
    <message>
        <source>An enrolment code has {length} letters and digits; copy it again from the administrator.</source>
        <translation>注册码由 {length} 位字母和数字组成，请向管理员重新抄录。</translation>
    </message>
    <message>
        <source>This enrolment code is unknown, used or expired; ask the administrator for a new one.</source>
        <translation>注册码无效、已使用或已过期，请向管理员索取新的注册码。</translation>
    </message>
    <message>
        <source>Enter the address as http://host:port (for example http://192.168.1.10:8765), or leave it empty.</source>
        <translation>请按 http://主机:端口 填写地址（例如 http://192.168.1.10:8765），或留空。</translation>
    </message>
    <message>
        <source>Please enter at least {limit} characters.</source>
        <translation>请至少输入 {limit} 个字。</translation>
    </message>
    <message>
        <source>An ID card number has 18 characters (the last may be X); you entered {length}.</source>
        <translation>身份证号为18位（最后一位可能是X），您输入了 {length} 位。</translation>
    </message>
    <message>
        <source>This ID number&apos;s last character does not match; please check every digit against the card.</source>
        <translation>身份证号校验位不符，请对照证件逐位核对。</translation>
    </message>
    <message>
        <source>The birth date inside this ID number is not a real date; please check the number.</source>
        <translation>身份证号中的出生日期不存在，请核对号码。</translation>
    </message>
    <message>
        <source>A document number has {minimum} to {maximum} letters or digits; please check it.</source>
        <translation>证件号码应为 {minimum} 至 {maximum} 位字母或数字，请核对。</translation>
    </message>
    <message>
        <source>Please enter an 11-digit mobile number starting with 1, for example 13912345678.</source>
        <translation>请输入以1开头的11位手机号，例如 13912345678。</translation>
    </message>
    <message>
        <source>The capacity must be more than 0 and at most {maximum} kW for a low-voltage application.</source>
        <translation>低压申请容量应大于0且不超过 {maximum} 千瓦。</translation>
    </message>
    <message>
        <source>Enter the capacity in kW with at most one decimal, for example 8.5.</source>
        <translation>容量以千瓦为单位，最多一位小数，例如 8.5。</translation>
    </message>
    <message>
        <source>Only 220 V and 380 V applications are taken at the counter; refer others to the key-account team.</source>
        <translation>柜台只受理220V、380V低压业务，其他电压请转大客户经理。</translation>
    </message>
    <message>
        <source>A residential application takes the residential tariff, others a non-residential one; choose again.</source>
        <translation>居民业务选居民生活用电，非居民业务选非居民类别，请重新选择。</translation>
    </message>
    <message>
        <source>Please enter an e-mail address such as name@example.cn.</source>
        <translation>请输入电子邮箱，例如 name@example.cn。</translation>
    </message>
    <message>
        <source>The central server sets this value for the hall; ask the central administrator to change it.</source>
        <translation>该参数由中心服务器统一设置，本机不能修改；如需调整，请联系中心管理员。</translation>
    </message>
    <message>
        <source>The holder&apos;s name, ID number and other protected details change only through a name change or transfer application.</source>
        <translation>户名、证件号码等受保护信息只能通过更名或过户业务变更。</translation>
    </message>
    <message>
        <source>{count} required documents are missing: print the one-time notice for the customer, or tick what they brought.</source>
        <translation>缺少 {count} 项必备资料：请打印一次性告知书交客户，或勾选客户已带的资料。</translation>
    </message>
    <message>
        <source>There is no account {account_no} in this hall; check the number on the customer&apos;s bill.</source>
        <translation>本营业厅没有户号 {account_no}，请核对客户账单上的户号。</translation>
    </message>
    <message>
        <source>This account is closed; a closed account cannot be changed, apply for a new connection.</source>
        <translation>该户已销户，不能办理变更，请办理新装。</translation>
    </message>
    <message>
        <source>This account is not supplied at 220/380 V; high-voltage changes are handled by the key-account team.</source>
        <translation>该户不是220/380V供电，高压变更请转大客户经理办理。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters; please check it.</source>
        <translation>统一社会信用代码为18位，请核对。</translation>
    </message>
    <message>
        <source>A credit code uses digits and capital letters except I, O, Z, S and V; please check it.</source>
        <translation>信用代码由数字和大写字母组成（不含 I、O、Z、S、V），请核对。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of a credit code are a region code of digits; please check them.</source>
        <translation>信用代码第3至8位是行政区划码，应为数字，请核对。</translation>
    </message>
    <message>
        <source>This file is empty; scan the document again.</source>
        <translation>文件是空的，请重新扫描。</translation>
    </message>
    <message>
        <source>This file is incomplete (perhaps still being written by the scanner); wait and try again.</source>
        <translation>文件不完整（可能扫描仪仍在写入），请稍候再试。</translation>
    </message>
    <message>
        <source>Only PDF, JPEG, PNG or TIFF scans can be attached.</source>
        <translation>只能添加 PDF、JPEG、PNG 或 TIFF 格式的扫描件。</translation>
    </message>
    <message>
        <source>This file name cannot be used; rename the file and try again.</source>
        <translation>文件名无法使用，请重命名后再试。</translation>
    </message>
    <message>
        <source>This file is larger than {limit} MB; scan at a lower resolution or in black and white.</source>
        <translation>文件超过 {limit} MB，请降低分辨率或用黑白模式重新扫描。</translation>
    </message>
    <message>
        <source>This file cannot be read; check that it still exists and is not open in another program.</source>
        <translation>无法读取文件，请确认文件存在且未被其他程序占用。</translation>
    </message>
    <message>
        <source>A name has Chinese characters, letters, digits and common punctuation only; please retype it.</source>
        <translation>姓名只能包含汉字、字母、数字和常用标点，请重新输入。</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number, or a landline of 7 to 12 digits with its area code.</source>
        <translation>请输入11位手机号，或带区号的7至12位固定电话。</translation>
    </message>
    <message>
        <source>A phone number is needed to call the customer back; please ask the customer for one.</source>
        <translation>回电需要联系电话，请向客户询问。</translation>
    </message>
    <message>
        <source>Choose one of the listed options.</source>
        <translation>请从列表中选择一项。</translation>
    </message>
    <message>
        <source>The callback time has already passed; choose a time later than now.</source>
        <translation>回电时间已过，请选择晚于现在的时间。</translation>
    </message>
    <message>
        <source>Call the customer back within {limit} days; choose an earlier time.</source>
        <translation>请在 {limit} 天内回电，请选择更早的时间。</translation>
    </message>
    <message>
        <source>This PC&apos;s copy of your sign-in has expired: connect the PC to the network so it can update from the central server, or ask the administrator.</source>
        <translation>本机保存的登录凭据已过期：请连接网络，待本机与中心服务器同步后再登录，或联系管理员。</translation>
    </message>
    <message>
        <source>The credit code {code} fails its check character: re-check it with the licence, or a supervisor confirms it here with their staff number and password, or send it to the supervisor&apos;s queue with a reason.</source>
        <translation>信用代码 {code} 的校验位不正确：请对照营业执照重新核对；或由值班长在此输入工号和密码确认；或填写原因后提交值班长审批。</translation>
    </message>
    <message>
        <source>This field takes text only; please retype it.</source>
        <translation>此处只能填写文字，请重新输入。</translation>
    </message>
    <message>
        <source>Account {account_no} is closed and takes no payments; please check the account number.</source>
        <translation>户号 {account_no} 已销户，不能收费，请核对户号。</translation>
    </message>
    <message>
        <source>What account {account_no} owes has changed (perhaps paid at another window); the amounts are refreshed, please check them and confirm again.</source>
        <translation>户号 {account_no} 的欠费已发生变化（可能已在其他窗口缴纳），金额已刷新，请核对后再次确认。</translation>
    </message>
    <message>
        <source>The prepaid balance is only {balance}; take the rest by another method.</source>
        <translation>预收余额只有 {balance}，其余部分请用其他方式收取。</translation>
    </message>
    <message>
        <source>The prepaid balance can pay at most what is owed ({due}); lower the amount.</source>
        <translation>预收余额最多只能抵扣应缴金额 {due}，请减少金额。</translation>
    </message>
    <message>
        <source>This payment form was already used for another payment; please start the payment again.</source>
        <translation>此收费单已用于另一笔缴费，请重新开始收费。</translation>
    </message>
    <message>
        <source>Your shift of {day} is still open; close it (cash-up) before taking today&apos;s payments.</source>
        <translation>您 {day} 的班次尚未轧账，请先日结轧账再收取今天的费用。</translation>
    </message>
    <message>
        <source>There is no open shift to close: it is already closed, or no payment was taken yet.</source>
        <translation>没有可轧账的班次：已经轧过账，或尚未收过费。</translation>
    </message>
    <message>
        <source>This shift is still open; close it first to print its report.</source>
        <translation>该班次尚未轧账，请先轧账再打印报表。</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} is itself a reversal and cannot be reversed; take a new payment instead.</source>
        <translation>凭证 {receipt_no} 本身是冲正凭证，不能再冲正，请重新收费。</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} has already been reversed.</source>
        <translation>凭证 {receipt_no} 已经冲正过。</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} is from an earlier business day; only same-day payments can be reversed at the counter, please ask the billing department.</source>
        <translation>凭证 {receipt_no} 不是当天的收费，柜台只能冲正当日收费，请联系电费核算部门。</translation>
    </message>
    <message>
        <source>The prepayment made by receipt {receipt_no} has already been used, so it cannot be reversed here; please ask the billing department.</source>
        <translation>凭证 {receipt_no} 形成的预收电费已被使用，柜台无法冲正，请联系电费核算部门。</translation>
    </message>
    <message>
        <source>A supervisor cannot approve their own request; ask another supervisor.</source>
        <translation>不能审批自己提出的申请，请另一位值班长审批。</translation>
    </message>
    <message>
        <source>This request has already been decided; refresh the list.</source>
        <translation>该申请已经审批过，请刷新列表。</translation>
    </message>
    <message>
        <source>Account {account_no} has nothing overdue yet, so no reminder notice can be issued.</source>
        <translation>户号 {account_no} 尚无逾期欠费，不能开具催缴通知单。</translation>
    </message>
    <message>
        <source>Account {account_no} is not overdue long enough for a disconnection notice; issue a reminder notice.</source>
        <translation>户号 {account_no} 欠费时间未达到停电通知条件，请开具催缴电费通知单。</translation>
    </message>
    <message>
        <source>The delivery of notice {notice_no} is already recorded.</source>
        <translation>通知书 {notice_no} 的送达情况已经登记。</translation>
    </message>
    <message>
        <source>This ticket cannot do that in its current state; refresh the queue and try again.</source>
        <translation>该号票当前状态不能执行此操作，请刷新队列后重试。</translation>
    </message>
    <message>
        <source>This business type is not open for tickets; choose another or ask the administrator.</source>
        <translation>该业务类型未开放取号，请选择其他业务或联系管理员。</translation>
    </message>
    <message>
        <source>Window {window_no} is not set up or is closed; check the window number in the settings.</source>
        <translation>{window_no} 号窗口未设置或已关闭，请在设置中核对窗口号。</translation>
    </message>
    <message>
        <source>Ticket {display_no} is from an earlier day; issue a new ticket for the customer.</source>
        <translation>号票 {display_no} 不是当天的号，请为客户重新取号。</translation>
    </message>
    <message>
        <source>This step is not possible at the application&apos;s current stage; refresh it and follow the flow.</source>
        <translation>该申请当前所处环节不能办理这一步，请刷新后按流程办理。</translation>
    </message>
    <message>
        <source>Ticket issuing has not started (or has stopped) today; press Start issuing first.</source>
        <translation>今天尚未开始取号（或已停止取号），请先点“开始取号”。</translation>
    </message>
    <message>
        <source>Ticket issuing has already started today.</source>
        <translation>今天已经开始取号。</translation>
    </message>
    <message>
        <source>Ticket issuing is already stopped.</source>
        <translation>取号已经停止。</translation>
    </message>
    <message>
        <source>Ticket {display_no} was called but not served yet: mark it a no-show (F3) or finish it (F7) first.</source>
        <translation>{display_no} 号已叫号但尚未办理：请先按 F3 过号或按 F7 办结。</translation>
    </message>
    <message>
        <source>Ticket {display_no} is not at this window; refresh the queue and call your own ticket.</source>
        <translation>{display_no} 号不在本窗口，请刷新后处理本窗口的号。</translation>
    </message>
    <message>
        <source>Tickets are called in order here; press F1 to call the next one.</source>
        <translation>本厅按顺序叫号，请按 F1 叫下一位。</translation>
    </message>
    <message>
        <source>Window {window_no} does not handle this business type; choose another window or type.</source>
        <translation>{window_no}号窗口不办理该业务，请选择其他窗口或业务类型。</translation>
    </message>
    <message>
        <source>Window {window_no} is paused; resume it first or choose another window.</source>
        <translation>{window_no}号窗口已暂停服务，请先恢复或选择其他窗口。</translation>
    </message>
    <message>
        <source>Window {window_no} is already paused.</source>
        <translation>{window_no}号窗口已经暂停服务。</translation>
    </message>
    <message>
        <source>Window {window_no} is not paused.</source>
        <translation>{window_no}号窗口没有暂停。</translation>
    </message>
    <message>
        <source>A customer is still at window {window_no}; finish or transfer them before pausing.</source>
        <translation>{window_no}号窗口还有客户在办理，请先办结或转移后再暂停。</translation>
    </message>
    <message>
        <source>This PC has already issued numbers under its own code; enrol a freshly set-up PC instead.</source>
        <translation>本机已用自身编号开出过票据，请在新安装的电脑上注册。</translation>
    </message>
    <message>
        <source>Ticket {display_no} has already been rated; one rating per service.</source>
        <translation>{display_no} 号已经评价过，一次服务只能评价一次。</translation>
    </message>
    <message>
        <source>Application {application_no} was just changed at another window; it has been reloaded, try again.</source>
        <translation>申请 {application_no} 刚在其他窗口被修改，已重新载入，请再操作一次。</translation>
    </message>
    <message>
        <source>Application {application_no} is archived or cancelled; nothing more can be added to it.</source>
        <translation>申请 {application_no} 已归档或撤销，不能再添加内容。</translation>
    </message>
    <message>
        <source>Application {application_no} is not finished yet; the customer rates it once it is archived.</source>
        <translation>申请 {application_no} 尚未办结，归档后再请客户评价。</translation>
    </message>
    <message>
        <source>Application {application_no} has already been rated; one rating per application.</source>
        <translation>申请 {application_no} 已评价过，每项申请只评价一次。</translation>
    </message>
    <message>
        <source>Account {account_no} still owes {amount} yuan: collect it first, or record that the new holder takes it on.</source>
        <translation>户号 {account_no} 尚欠 {amount} 元：请先结清，或登记由新户主承担。</translation>
    </message>
    <message>
        <source>This document is already attached as “{name}”; nothing was added.</source>
        <translation>该文件已作为“{name}”添加过，未重复添加。</translation>
    </message>
    <message>
        <source>The stored copy of this document is missing on this PC; attach the scan again.</source>
        <translation>本机找不到该扫描件，请重新添加。</translation>
    </message>
    <message>
        <source>The stored copy of this document is damaged; attach the scan again.</source>
        <translation>本机保存的扫描件已损坏，请重新添加。</translation>
    </message>
    <message>
        <source>This complaint was just changed at another window; it has been reloaded, please try again.</source>
        <translation>该投诉刚在其他窗口被修改，已重新载入，请再试一次。</translation>
    </message>
    <message>
        <source>This complaint is closed; nothing more can be recorded on it.</source>
        <translation>该投诉已办结，不能再记录。</translation>
    </message>
    <message>
        <source>This step is already recorded for this complaint; see its history.</source>
        <translation>该投诉的这一步已记录，请查看处理记录。</translation>
    </message>
    <message>
        <source>A complaint is closed only after the follow-up call: record the call with the customer first.</source>
        <translation>投诉须回访后才能办结，请先记录回访。</translation>
    </message>
    <message>
        <source>Record the reply to the customer before the follow-up call.</source>
        <translation>请先记录答复客户，再记录回访。</translation>
    </message>
    <message>
        <source>Record the first contact with the customer before the reply.</source>
        <translation>请先记录联系客户，再记录答复。</translation>
    </message>
    <message>
        <source>This consultation was answered on the spot; there is no callback to record.</source>
        <translation>该咨询已当场答复，无需回电。</translation>
    </message>
    <message>
        <source>The callback for this consultation is already recorded.</source>
        <translation>该咨询的回电已记录。</translation>
    </message>
    <message>
        <source>This knowledge-base entry has been taken out of use; refresh the list.</source>
        <translation>该知识库条目已停用，请刷新列表。</translation>
    </message>
    <message>
        <source>This question is already in the knowledge base; edit the existing entry instead.</source>
        <translation>知识库中已有该问题，请编辑原有条目。</translation>
    </message>
    <message>
        <source>A reversal needs a supervisor: have them enter their staff number and password here, or send the request to the approval queue.</source>
        <translation>冲正需要值班长审批：请值班长在此输入工号和密码，或提交审批。</translation>
    </message>
    <message>
        <source>The supervisor has not decided yet; wait for the approval or ask them to approve here.</source>
        <translation>值班长尚未审批，请等待审批或请值班长在此审批。</translation>
    </message>
    <message>
        <source>The supervisor refused this reversal; see their note in the request list.</source>
        <translation>值班长已驳回此冲正，驳回理由见申请列表。</translation>
    </message>
    <message>
        <source>This approval is for another payment or was already used; request a new one.</source>
        <translation>该审批不属于这笔收费或已被使用，请重新申请。</translation>
    </message>
    <message>
        <source>The local database file is damaged. It has been left untouched; please call the administrator to restore it from the backup.</source>
        <translation>本机数据库文件已损坏，系统未作任何改动，请联系管理员从备份恢复。</translation>
    </message>
    <message>
        <source>The local database is in use by another program; close other HallApp windows and try again.</source>
        <translation>本机数据库正被其他程序占用，请关闭其他 HallApp 窗口后重试。</translation>
    </message>
    <message>
        <source>The local database file cannot be opened; please ask the administrator to check its permissions.</source>
        <translation>无法打开本机数据库文件，请联系管理员检查文件权限。</translation>
    </message>
    <message>
        <source>The database path is a folder, not a file; please check the settings.</source>
        <translation>数据库路径指向的是文件夹而不是文件，请检查配置。</translation>
    </message>
    <message>
        <source>The database was made by a newer HallApp; please install the newer version on this PC.</source>
        <translation>该数据库由更新版本的 HallApp 创建，请在本机安装新版本。</translation>
    </message>
    <message>
        <source>This PC is not enrolled yet; please ask the administrator to enrol it, or start the demo.</source>
        <translation>本机尚未注册，请联系管理员注册本机，或启动演示模式。</translation>
    </message>
    <message>
        <source>The database file does not exist; please check the path.</source>
        <translation>数据库文件不存在，请检查路径。</translation>
    </message>
    <message>
        <source>This PC&apos;s database is older than what the central server received (restored from a backup?): uploads are stopped; call the administrator before taking more payments.</source>
        <translation>本机数据库比中心服务器已收到的数据旧（可能从备份恢复）：已暂停上传，请先联系管理员再继续收费。</translation>
    </message>
    <message>
        <source>The central server no longer accepts this PC; ask the administrator to enrol it again.</source>
        <translation>中心服务器已停用本机，请管理员重新注册本机。</translation>
    </message>
    <message>
        <source>The central server does not recognise this PC&apos;s key; ask the administrator to enrol it again.</source>
        <translation>中心服务器不认可本机密钥，请管理员重新注册本机。</translation>
    </message>
    <message>
        <source>Uploads to the central server are stopped for a reason the administrator must check.</source>
        <translation>向中心服务器上传已暂停，需管理员检查原因。</translation>
    </message>
    <message>
        <source>The operation did not finish. Please try again; if it happens again, call the administrator.</source>
        <translation>操作未完成，请重试；如再次出现，请联系管理员。</translation>
    </message>
    <message>
        <source>Wrong staff number or password; please check and try again.</source>
        <translation>工号或密码不正确，请核对后重试。</translation>
    </message>
    <message>
        <source>Wrong staff number or password; {remaining} more tries before the staff number is locked.</source>
        <translation>工号或密码不正确，再错 {remaining} 次该工号将被锁定。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this staff number is locked until {time}, or ask the administrator.</source>
        <translation>密码错误次数过多，该工号已锁定至 {time}，或请联系管理员解锁。</translation>
    </message>
    <message>
        <source>This staff number is disabled; please contact the administrator.</source>
        <translation>该工号已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>Your role may not do this; please ask a supervisor.</source>
        <translation>您的岗位无权办理此项，请找值班长处理。</translation>
    </message>
    <message>
        <source>No account with this number; check the number or search by name or phone.</source>
        <translation>没有这个户号，请核对号码，或按户名、电话查询。</translation>
    </message>
    <message>
        <source>This setting does not exist in this version; please reload the page.</source>
        <translation>此版本中没有该参数，请重新打开页面。</translation>
    </message>
    <message>
        <source>The record no longer exists; please refresh the list.</source>
        <translation>该记录已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>The central server does not answer; work goes on here and is sent when it is back.</source>
        <translation>中心服务器无响应；本机照常办理，恢复后自动上传。</translation>
    </message>
    <message>
        <source>The hall&apos;s queue server does not answer; it is retried automatically. The guide can switch to manual tickets meanwhile.</source>
        <translation>营业厅叫号服务器没有响应，系统正在自动重试；引导员可先改用手工取号。</translation>
    </message>
</context>
<context>
    <name>EvaluatorWindow</name>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Long wait</source>
        <translation>等候时间长</translation>
    </message>
    <message>
        <source>Slow service</source>
        <translation>办理速度慢</translation>
    </message>
    <message>
        <source>Unfriendly staff</source>
        <translation>服务态度差</translation>
    </message>
    <message>
        <source>Staff unsure of the business</source>
        <translation>业务不熟练</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Service evaluation, window {n}</source>
        <translation>服务评价 · {n}号窗口</translation>
    </message>
    <message>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <source>When your business is done, please rate our service here</source>
        <translation>业务办理完毕后，请在此对我们的服务进行评价</translation>
    </message>
    <message>
        <source>Please rate this service</source>
        <translation>请您对本次服务进行评价</translation>
    </message>
    <message>
        <source>We are sorry. What went wrong?</source>
        <translation>非常抱歉，请告诉我们哪里做得不好：</translation>
    </message>
    <message>
        <source>Ticket {no}</source>
        <translation>{no} 号</translation>
    </message>
    <message>
        <source>Thank you for your evaluation</source>
        <translation>感谢您的评价</translation>
    </message>
</context>
<context>
    <name>FKeys</name>
    <message>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Find account</source>
        <translation>查户</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>业务受理</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>HolidaysPage</name>
    <message>
        <source>Day off</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Service deadlines count working days: weekends and days off are skipped, make-up working days count. Check against the State Council notice each year.</source>
        <translation>服务时限按工作日计算：周末和放假日不计，调休上班日计入。请每年对照国务院办公厅通知核对。</translation>
    </message>
    <message>
        <source>Year </source>
        <translation>年份 </translation>
    </message>
    <message>
        <source>For example 国庆节</source>
        <translation>例如 国庆节</translation>
    </message>
    <message>
        <source>Save day</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Remove selected day</source>
        <translation>删除所选日期</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Choose a day in the list first.</source>
        <translation>请先在列表中选择一个日期。</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>已删除。</translation>
    </message>
</context>
<context>
    <name>KnowledgeTab</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新日期</translation>
    </message>
    <message>
        <source>Search questions, answers and keywords (Ctrl+F)</source>
        <translation>搜索问题、答案和关键词（Ctrl+F）</translation>
    </message>
    <message>
        <source>Words customers use, separated by spaces</source>
        <translation>客户常用说法，用空格分隔</translation>
    </message>
    <message>
        <source>New entry (Ctrl+N)</source>
        <translation>新建条目（Ctrl+N）</translation>
    </message>
    <message>
        <source>Take out of use (Ctrl+D)</source>
        <translation>停用（Ctrl+D）</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+回车）</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>问题(&amp;Q)</translation>
    </message>
    <message>
        <source>Ans&amp;wer</source>
        <translation>答案(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Keywords</source>
        <translation>关键词(&amp;K)</translation>
    </message>
    <message>
        <source>{count} entries found (at most 50 are shown).</source>
        <translation>找到 {count} 条（最多显示 50 条）。</translation>
    </message>
    <message>
        <source>The latest entries; type to search.</source>
        <translation>最新条目；输入内容即可搜索。</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>编辑条目</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新条目</translation>
    </message>
    <message>
        <source>Saved to the knowledge base.</source>
        <translation>已保存到知识库。</translation>
    </message>
    <message>
        <source>The entry is out of use and no longer found.</source>
        <translation>该条目已停用，不再出现在搜索结果中。</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>{name} ({staff_no}): enter your password to continue</source>
        <translation>{name}（{staff_no}），请输入密码继续工作</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign out and switch user</source>
        <translation>退出并切换用户</translation>
    </message>
</context>
<context>
    <name>LoginCard</name>
    <message>
        <source>Business Hall Counter System</source>
        <translation>供电营业厅综合柜面系统</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>For example C001</source>
        <translation>例如 C001</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>HallApp - Sign in</source>
        <translation>HallApp - 登录</translation>
    </message>
    <message>
        <source>Demo: C001 clerk, G001 guide, S001 supervisor, A001 admin; password demo1234</source>
        <translation>演示账号：C001 柜员、G001 引导员、S001 值班长、A001 管理员，密码均为 demo1234</translation>
    </message>
    <message>
        <source>HallApp {version} · Service hotline 95598</source>
        <translation>HallApp {version}&#x3000;·&#x3000;供电服务热线 95598</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>The customer is satisfied</source>
        <translation>客户满意</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Disconnection plan notice</source>
        <translation>欠电费停电计划通知书</translation>
    </message>
    <message>
        <source>Reminder notice</source>
        <translation>催缴电费通知单</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>电费年月</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>缴费期限</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>欠费</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>Notice no.</source>
        <translation>通知书编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>arrears paid since</source>
        <translation>欠费已结清</translation>
    </message>
    <message>
        <source>Arrears notices</source>
        <translation>欠费通知书</translation>
    </message>
    <message>
        <source>Notices of this account</source>
        <translation>本户已开具的通知书</translation>
    </message>
    <message>
        <source>Issue and print</source>
        <translation>开具并打印</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>再次打印</translation>
    </message>
    <message>
        <source>Issue a notice</source>
        <translation>开具通知书</translation>
    </message>
    <message>
        <source>&amp;Delivered</source>
        <translation>送达方式(&amp;D)</translation>
    </message>
    <message>
        <source>Record signature…</source>
        <translation>登记签收…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Account {account_no} · {address}</source>
        <translation>户号 {account_no} · {address}</translation>
    </message>
    <message>
        <source>Overdue: {periods} period(s), up to {days} days · outstanding {outstanding} · penalty {penalty}</source>
        <translation>逾期：{periods} 期，最长 {days} 天 · 欠费 {outstanding} · 违约金 {penalty}</translation>
    </message>
    <message>
        <source>Nothing is overdue on {day}.</source>
        <translation>截至 {day} 没有逾期欠费。</translation>
    </message>
    <message>
        <source>Asks the customer to pay by a date.</source>
        <translation>通知客户在规定日期前缴清电费。</translation>
    </message>
    <message>
        <source>Not yet: a reminder needs a bill overdue by at least {days} day(s).</source>
        <translation>暂不可开具：催缴通知单需要电费逾期至少 {days} 天。</translation>
    </message>
    <message>
        <source>Supply is planned to be cut between {start} and {end}.</source>
        <translation>计划于 {start} 至 {end} 之间停电。</translation>
    </message>
    <message>
        <source>Not yet: a disconnection notice needs arrears overdue by more than {days} days.</source>
        <translation>暂不可开具：停电计划通知书需要欠费逾期超过 {days} 天。</translation>
    </message>
    <message>
        <source>Printed: {title}.</source>
        <translation>已打印：{title}。</translation>
    </message>
    <message>
        <source>The delivery is recorded.</source>
        <translation>送达情况已登记。</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <source>Staff no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Operator accounts are created and disabled on the central server; this PC receives them with its master data.</source>
        <translation>操作员账号在中心服务器上开设和停用，本机随主数据同步获得。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Record signature of {notice_no}</source>
        <translation>登记通知书 {notice_no} 的签收</translation>
    </message>
    <message>
        <source>&amp;Signed by the customer</source>
        <translation>客户已签收(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refused to sign (a witness confirms)</source>
        <translation>客户拒签（见证人证明）(&amp;R)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;name</source>
        <translation>签收人姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Witness&apos;s &amp;name</source>
        <translation>见证人姓名(&amp;N)</translation>
    </message>
</context>
<context>
    <name>PaymentForm</name>
    <message>
        <source>Total to pay</source>
        <translation>应缴合计</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>本次缴费金额</translation>
    </message>
    <message>
        <source>Empty = exact amount</source>
        <translation>不填 = 与缴费金额相同</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s payment code or type the POS reference</source>
        <translation>扫描客户付款码，或输入 POS 参考号</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>交易参考号</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Confirm payment (Enter)</source>
        <translation>确认收费（Enter）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>缴费金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Cash  Alt+1</source>
        <translation>现金  Alt+1</translation>
    </message>
    <message>
        <source>Bank card  Alt+2</source>
        <translation>银行卡  Alt+2</translation>
    </message>
    <message>
        <source>WeChat Pay  Alt+3</source>
        <translation>微信支付  Alt+3</translation>
    </message>
    <message>
        <source>Alipay  Alt+4</source>
        <translation>支付宝  Alt+4</translation>
    </message>
    <message>
        <source>Prepaid  Alt+5</source>
        <translation>预收抵扣  Alt+5</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <source>Period</source>
        <translation>电费年月</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>电量(kWh)</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>缴费期限</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>应缴</translation>
    </message>
    <message>
        <source>Scan the bill or type the account number (or name, phone, address), then press Enter</source>
        <translation>扫描电费单或输入户号（也可输入户名、电话、地址），按 Enter</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>No account open.</source>
        <translation>尚未打开户号。</translation>
    </message>
    <message>
        <source>Arrears notice… (Ctrl+N)</source>
        <translation>欠费通知书…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Reprint receipt (F8)</source>
        <translation>补打凭证（F8）</translation>
    </message>
    <message>
        <source>Preview (Ctrl+P)</source>
        <translation>预览（Ctrl+P）</translation>
    </message>
    <message>
        <source>No account matches this input; check it or search another way.</source>
        <translation>没有符合的户号，请核对输入或换一种方式查询。</translation>
    </message>
    <message>
        <source>Account {account_no} · {tariff} · {address}</source>
        <translation>户号 {account_no} · {tariff} · {address}</translation>
    </message>
    <message>
        <source>Owed {principal} · penalty {penalty} · prepaid balance {prepaid}</source>
        <translation>欠费 {principal} · 违约金 {penalty} · 预收余额 {prepaid}</translation>
    </message>
    <message>
        <source>Payment taken: receipt {receipt_no}, {amount}</source>
        <translation>收费成功：凭证 {receipt_no}，{amount}</translation>
    </message>
    <message>
        <source>Change {change}</source>
        <translation>找零 {change}</translation>
    </message>
    <message>
        <source>{amount} kept as prepayment</source>
        <translation>{amount} 转为预收</translation>
    </message>
    <message>
        <source>reconnection requested</source>
        <translation>已生成复电申请</translation>
    </message>
    <message>
        <source>receipt printed</source>
        <translation>凭证已打印</translation>
    </message>
    <message>
        <source>receipt NOT printed: {reason} Press F8 to print it.</source>
        <translation>凭证未打印：{reason}按 F8 打印。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Receipt NOT printed: {reason} Press F8 to try again.</source>
        <translation>凭证未打印：{reason}按 F8 重试。</translation>
    </message>
    <message>
        <source>Receipt reprinted (marked as a reprint).</source>
        <translation>凭证已补打（标注“补打”）。</translation>
    </message>
    <message>
        <source>Shift opens with the first payment</source>
        <translation>收取第一笔费用时开班</translation>
    </message>
    <message>
        <source>This shift: {count} payments · net {net} · cash {cash}</source>
        <translation>本班：{count} 笔 · 净额 {net} · 现金 {cash}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>&amp;Receipts (thermal 80 mm or A5):</source>
        <translation>缴费凭证（80 mm 热敏或 A5）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Forms, notices and reports (A4/A5):</source>
        <translation>表单、通知书和报表（A4/A5）(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Queue tickets (thermal 58 or 80 mm):</source>
        <translation>排队号票（58 或 80 毫米热敏纸）(&amp;Q)：</translation>
    </message>
    <message>
        <source>80 mm thermal roll</source>
        <translation>80 毫米热敏纸</translation>
    </message>
    <message>
        <source>58 mm thermal roll</source>
        <translation>58 毫米热敏纸</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>A5 纸</translation>
    </message>
    <message>
        <source>Printer settings</source>
        <translation>打印机设置</translation>
    </message>
    <message>
        <source>Receipt &amp;layout:</source>
        <translation>收费凭证版式(&amp;L)：</translation>
    </message>
    <message>
        <source>Ticket &amp;roll:</source>
        <translation>号票纸宽(&amp;R)：</translation>
    </message>
    <message>
        <source>The choice applies to this PC only. Printers are set up in the system.</source>
        <translation>此设置只对本机有效。打印机本身在操作系统中安装。</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <source>{name} (not connected)</source>
        <translation>{name}（未连接）</translation>
    </message>
    <message>
        <source>The printer “{printer}” is not responding (offline, out of paper or jammed); check it and print again.</source>
        <translation>打印机“{printer}”无响应（脱机、缺纸或卡纸），请检查后重新打印。</translation>
    </message>
    <message>
        <source>No printer is set up for this document; choose one in the printer settings.</source>
        <translation>此类单据没有设置打印机，请在打印机设置中选择。</translation>
    </message>
    <message>
        <source>Printing was cancelled; nothing was printed.</source>
        <translation>已取消打印，未打印任何内容。</translation>
    </message>
    <message>
        <source>The document could not be printed; check the printer and print again.</source>
        <translation>单据未能打印，请检查打印机后重新打印。</translation>
    </message>
    <message>
        <source>Print preview: {title}</source>
        <translation>打印预览：{title}</translation>
    </message>
    <message>
        <source>Printer: {printer} · pages: {pages} · copies: {copies}</source>
        <translation>打印机：{printer} · 页数：{pages} · 份数：{copies}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Page {number} of {count}</source>
        <translation>第 {number} 页 / 共 {count} 页</translation>
    </message>
    <message>
        <source>Print (Ctrl+P or Enter)</source>
        <translation>打印（Ctrl+P 或 Enter）</translation>
    </message>
    <message>
        <source>Close without printing (Esc)</source>
        <translation>不打印，关闭（Esc）</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>无打印机</translation>
    </message>
</context>
<context>
    <name>Retention</name>
    <message>
        <source>Consultation forms (业务咨询单)</source>
        <translation>业务咨询单</translation>
    </message>
    <message>
        <source>Closed complaints</source>
        <translation>已办结投诉</translation>
    </message>
    <message>
        <source>Queue tickets, their history and queue log</source>
        <translation>排队号票及其记录、排队日志</translation>
    </message>
    <message>
        <source>Payments, allocations and receipt prints</source>
        <translation>收费、分摊及凭证打印记录</translation>
    </message>
    <message>
        <source>Audit trail events</source>
        <translation>审计日志记录</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Records</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Kept for</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Dated before</source>
        <translation>早于</translation>
    </message>
    <message>
        <source>Past retention</source>
        <translation>已过保存期</translation>
    </message>
    <message>
        <source>Can be deleted</source>
        <translation>可删除</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>最早</translation>
    </message>
    <message>
        <source>Classes of record and their retention</source>
        <translation>记录类别及其保存期限</translation>
    </message>
    <message>
        <source>&amp;Delete the deletable records…</source>
        <translation>删除可删除的记录(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Record retention</source>
        <translation>记录保存期限</translation>
    </message>
    <message>
        <source>Records are kept at least as long as the retention settings say. Only records past that period and already received by the central server can be deleted; open cases are never deleted. Each deletion is recorded in the audit trail.</source>
        <translation>记录至少保存到保存期限设置规定的时间。只有超过期限且已被中心服务器接收的记录才能删除；未办结的事项永不删除。每次删除都记入审计日志。</translation>
    </message>
    <message>
        <source>Delete old records</source>
        <translation>删除过期记录</translation>
    </message>
    <message>
        <source>Delete {count} record(s) of “{kind}” dated before {cut_off}? This cannot be undone.</source>
        <translation>删除“{kind}”中早于 {cut_off} 的 {count} 条记录？删除后无法恢复。</translation>
    </message>
    <message>
        <source>Deleted {count} record(s) dated before {cut_off}; the deletion is in the audit trail.</source>
        <translation>已删除早于 {cut_off} 的 {count} 条记录，删除操作已记入审计日志。</translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>Reverse payment {receipt_no}</source>
        <translation>冲正收费 {receipt_no}</translation>
    </message>
    <message>
        <source>For example: wrong amount typed, customer paid twice</source>
        <translation>例如：金额输错、客户重复缴费</translation>
    </message>
    <message>
        <source>A reversal cancels the whole payment with a new receipt for the opposite amount. It cannot be undone.</source>
        <translation>冲正会以一张金额相反的新凭证撤销整笔收费，且不能撤回。</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>冲正原因（必填）(&amp;R)</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reverse now</source>
        <translation>立即冲正</translation>
    </message>
    <message>
        <source>A supervisor approves here</source>
        <translation>值班长在此审批</translation>
    </message>
    <message>
        <source>Supervisor&apos;s &amp;staff no.</source>
        <translation>值班长工号(&amp;S)</translation>
    </message>
    <message>
        <source>Supervisor&apos;s &amp;password</source>
        <translation>值班长密码(&amp;P)</translation>
    </message>
    <message>
        <source>No request sent yet. The supervisor decides on their own screen.</source>
        <translation>尚未提交申请。值班长在自己的工作台上审批。</translation>
    </message>
    <message>
        <source>Send to approval queue</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Reverse with approval</source>
        <translation>按审批冲正</translation>
    </message>
    <message>
        <source>Or ask through the approval queue</source>
        <translation>或者提交审批</translation>
    </message>
    <message>
        <source>Print receipt again</source>
        <translation>重新打印凭证</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Sent at {time}; waiting for a supervisor to decide.</source>
        <translation>已于 {time} 提交，等待值班长审批。</translation>
    </message>
    <message>
        <source>Approved by {supervisor}: press “Reverse with approval”.</source>
        <translation>{supervisor} 已批准：请按“按审批冲正”。</translation>
    </message>
    <message>
        <source>Refused by {supervisor}: {note}</source>
        <translation>{supervisor} 已驳回：{note}</translation>
    </message>
    <message>
        <source>Sent to the approval queue. Once a supervisor approves, reverse it here.</source>
        <translation>已提交审批。值班长批准后，请在此完成冲正。</translation>
    </message>
    <message>
        <source>Reversed: receipt {original} is cancelled by receipt {reversal}.</source>
        <translation>冲正完成：凭证 {original} 已由凭证 {reversal} 冲销。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Lobby guide desk</source>
        <translation>引导台</translation>
    </message>
    <message>
        <source>Counter workstation</source>
        <translation>柜台工作台</translation>
    </message>
    <message>
        <source>Supervisor workspace</source>
        <translation>值班长工作台</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Find account</source>
        <translation>账户查询</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Queue tickets</source>
        <translation>排队取号</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>电费缴费</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>业务受理</translation>
    </message>
    <message>
        <source>Monthly scorecard</source>
        <translation>月度考核</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>Record retention</source>
        <translation>记录保存期限</translation>
    </message>
    <message>
        <source>Daily counter log</source>
        <translation>营业日志</translation>
    </message>
    <message>
        <source>Today&apos;s payments</source>
        <translation>今日收费</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Display board</source>
        <translation>叫号显示屏</translation>
    </message>
    <message>
        <source>Consultations and complaints</source>
        <translation>咨询与投诉</translation>
    </message>
    <message>
        <source>Sync notices</source>
        <translation>同步冲突通知</translation>
    </message>
    <message>
        <source>Business settings</source>
        <translation>业务参数</translation>
    </message>
    <message>
        <source>Queue business types</source>
        <translation>排队业务类型</translation>
    </message>
    <message>
        <source>Counter windows</source>
        <translation>服务窗口</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
</context>
<context>
    <name>Scorecard</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Waits over the target</source>
        <translation>等候超过目标</translation>
    </message>
    <message>
        <source>All waits counted</source>
        <translation>全部等候</translation>
    </message>
    <message>
        <source>Handling over the limit</source>
        <translation>办理超过时限</translation>
    </message>
    <message>
        <source>All customers handled</source>
        <translation>全部办理</translation>
    </message>
    <message>
        <source>Bad ratings</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>All ratings</source>
        <translation>全部评价</translation>
    </message>
    <message>
        <source>Complaints about the clerk</source>
        <translation>针对该柜员的投诉</translation>
    </message>
    <message>
        <source>Reversed payments</source>
        <translation>冲正的收费</translation>
    </message>
    <message>
        <source>Reprinted receipts</source>
        <translation>补打的凭证</translation>
    </message>
    <message>
        <source>Cash-ups with a difference</source>
        <translation>有差额的轧账</translation>
    </message>
    <message>
        <source>Payments taken</source>
        <translation>收费记录</translation>
    </message>
    <message>
        <source>There is no month {month} in year {year}; choose a month from the list.</source>
        <translation>{year} 年没有 {month} 月：请从列表中选择月份。</translation>
    </message>
    <message>
        <source>Month {month} has not begun yet (today is {today}); choose this month or an earlier one.</source>
        <translation>{month} 月尚未开始（今天是 {today}）：请选择本月或之前的月份。</translation>
    </message>
    <message>
        <source>“{day}” is not a day; choose a day of the week you want to review.</source>
        <translation>“{day}”不是日期：请选择要查看的那一周中的某一天。</translation>
    </message>
    <message>
        <source>The week of {monday} has not begun yet (today is {today}); choose this week or an earlier one.</source>
        <translation>{monday} 这一周尚未开始（今天是 {today}）：请选择本周或之前的周。</translation>
    </message>
    <message>
        <source>The scorecard&apos;s weights add up to {total} points; change them so that they add up to {required}.</source>
        <translation>考核各项权重合计 {total} 分：请调整为合计 {required} 分。</translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Waiting time</source>
        <translation>等候时间</translation>
    </message>
    <message>
        <source>Handling time</source>
        <translation>办理时长</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>差错</translation>
    </message>
    <message>
        <source>Fees collected</source>
        <translation>收费任务</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>不参与考核</translation>
    </message>
    <message>
        <source>{name} (left)</source>
        <translation>{name}（已离职）</translation>
    </message>
    <message>
        <source>Average wait {mean} min over {count} customer(s); {over} over {target} min</source>
        <translation>{count} 位客户平均等候 {mean} 分钟；{over} 位超过 {target} 分钟</translation>
    </message>
    <message>
        <source>Payments {pay} min ({pay_n}, limit {pay_limit}); business {biz} min ({biz_n}, limit {biz_limit})</source>
        <translation>收费 {pay} 分钟（{pay_n} 笔，时限 {pay_limit}）；业务 {biz} 分钟（{biz_n} 件，时限 {biz_limit}）</translation>
    </message>
    <message>
        <source>{percent}% satisfied of {rated} rating(s) (target {target}%); {bad} bad</source>
        <translation>{rated} 条评价中满意 {percent}%（目标 {target}%）；差评 {bad} 条</translation>
    </message>
    <message>
        <source>{count} complaint(s) about the clerk&apos;s service</source>
        <translation>{count} 件针对该柜员服务的投诉</translation>
    </message>
    <message>
        <source>{reversals} reversal(s), {reprints} reprint(s), {cash} cash-up difference(s)</source>
        <translation>冲正 {reversals} 笔，补打 {reprints} 次，轧账差额 {cash} 次</translation>
    </message>
    <message>
        <source>No monthly fee target is set</source>
        <translation>未设定月度收费任务</translation>
    </message>
    <message>
        <source>Collected {collected} of {target} ({percent}%)</source>
        <translation>已收 {collected}，任务 {target}（{percent}%）</translation>
    </message>
    <message>
        <source>average {units} min over the target</source>
        <translation>平均超过目标 {units} 分钟</translation>
    </message>
    <message>
        <source>payments {units} min over the limit</source>
        <translation>收费超过时限 {units} 分钟</translation>
    </message>
    <message>
        <source>business {units} min over the limit</source>
        <translation>业务超过时限 {units} 分钟</translation>
    </message>
    <message>
        <source>{units} percentage point(s) below the target</source>
        <translation>低于目标 {units} 个百分点</translation>
    </message>
    <message>
        <source>{units} bad rating(s)</source>
        <translation>差评 {units} 条</translation>
    </message>
    <message>
        <source>{units} complaint(s)</source>
        <translation>投诉 {units} 件</translation>
    </message>
    <message>
        <source>{units} reversal(s)</source>
        <translation>冲正 {units} 笔</translation>
    </message>
    <message>
        <source>{units} reprint(s)</source>
        <translation>补打 {units} 次</translation>
    </message>
    <message>
        <source>{units} cash-up difference(s)</source>
        <translation>轧账差额 {units} 次</translation>
    </message>
    <message>
        <source>{units}% short of the target</source>
        <translation>距任务差 {units}%</translation>
    </message>
    <message>
        <source>{what} × {rate} = −{points}</source>
        <translation>{what} × {rate} = −{points}</translation>
    </message>
    <message>
        <source>Not scored this month: its weight goes to the other items</source>
        <translation>本月不考核：其权重分配给其他项目</translation>
    </message>
    <message>
        <source>Within target: full points</source>
        <translation>达到目标：得满分</translation>
    </message>
    <message>
        <source> (no lower than 0)</source>
        <translation>（最低 0 分）</translation>
    </message>
    <message>
        <source>Bad rating</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>Waited too long</source>
        <translation>等候过长</translation>
    </message>
    <message>
        <source>Application overdue</source>
        <translation>申请超期</translation>
    </message>
    <message>
        <source>Cash-up difference</source>
        <translation>轧账差额</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Rated {score}: {reason}</source>
        <translation>评价 {score} 分：{reason}</translation>
    </message>
    <message>
        <source>{type}: waited {minutes} min</source>
        <translation>{type}：等候 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{kind}: {days} day(s) past the committed date</source>
        <translation>{kind}：超过承诺日期 {days} 天</translation>
    </message>
    <message>
        <source>{amount} ({reason})</source>
        <translation>{amount}（{reason}）</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>rated {score} {reason}</source>
        <translation>评价 {score} 分 {reason}</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
</context>
<context>
    <name>ScorecardPage</name>
    <message>
        <source>◀ Previous month (PgUp)</source>
        <translation>◀ 上月（PgUp）</translation>
    </message>
    <message>
        <source>Next month (PgDn) ▶</source>
        <translation>下月（PgDn）▶</translation>
    </message>
    <message>
        <source>Clerks&apos; scorecards</source>
        <translation>柜员考核表</translation>
    </message>
    <message>
        <source>&amp;Monthly scorecard</source>
        <translation>月度考核(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Week&apos;s problems</source>
        <translation>本周问题(&amp;W)</translation>
    </message>
    <message>
        <source>Monthly scorecard</source>
        <translation>月度考核</translation>
    </message>
    <message>
        <source>Each clerk is scored out of 100 every month; weights, targets and deductions are settings. Problems are reviewed every week.</source>
        <translation>每位柜员每月按百分制考核；权重、目标和扣分标准都是可设置的参数。问题每周复盘。</translation>
    </message>
    <message>
        <source>{year}-{month:02}</source>
        <translation>{year}-{month:02}</translation>
    </message>
    <message>
        <source>{scored} of {count} clerk(s) scored.</source>
        <translation>已考核 {scored} / {count} 名柜员。</translation>
    </message>
    <message>
        <source> The month is still running: as recorded up to {day}.</source>
        <translation>本月尚未结束：统计截至 {day}。</translation>
    </message>
</context>
<context>
    <name>ServiceDeskPage</name>
    <message>
        <source>Consultations (Alt+1)</source>
        <translation>咨询（Alt+1）</translation>
    </message>
    <message>
        <source>Complaints (Alt+2)</source>
        <translation>投诉（Alt+2）</translation>
    </message>
    <message>
        <source>Knowledge base (Alt+3)</source>
        <translation>知识库（Alt+3）</translation>
    </message>
    <message>
        <source>Consultations and complaints</source>
        <translation>业务咨询与投诉</translation>
    </message>
    <message>
        <source>Enter moves to the next field · Ctrl+Enter saves · Esc clears messages</source>
        <translation>回车到下一项 · Ctrl+回车保存 · Esc 清除提示</translation>
    </message>
</context>
<context>
    <name>ServingBar</name>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>This PC&apos;s counter window</source>
        <translation>本机所在的服务窗口</translation>
    </message>
    <message>
        <source>No customer at the window</source>
        <translation>窗口前暂无客户</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Call next (F1)</source>
        <translation>叫号 (F1)</translation>
    </message>
    <message>
        <source>Recall (F2)</source>
        <translation>重呼 (F2)</translation>
    </message>
    <message>
        <source>No-show (F3)</source>
        <translation>过号 (F3)</translation>
    </message>
    <message>
        <source>Finish (F7)</source>
        <translation>办结 (F7)</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Choose this PC&apos;s window first</source>
        <translation>请先选择本机的窗口</translation>
    </message>
    <message>
        <source>Window paused (Ctrl+B resumes)</source>
        <translation>窗口已暂停服务（Ctrl+B 恢复）</translation>
    </message>
    <message>
        <source>Account {no}</source>
        <translation>户号 {no}</translation>
    </message>
    <message>
        <source>waited {n} min</source>
        <translation>等候 {n} 分钟</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>{n} waiting for this window</source>
        <translation>本窗口待办 {n} 人</translation>
    </message>
    <message>
        <source>{n} parked</source>
        <translation>暂存 {n} 人</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Choose this PC&apos;s window first (top left).</source>
        <translation>请先在左上角选择本机的窗口。</translation>
    </message>
    <message>
        <source>Nobody is waiting for this window.</source>
        <translation>本窗口目前没有等候的客户。</translation>
    </message>
    <message>
        <source>Called {number}.</source>
        <translation>已呼叫 {number}。</translation>
    </message>
    <message>
        <source>No customer at the window; press F1 to call the next one.</source>
        <translation>窗口前暂无客户，请按 F1 叫下一位。</translation>
    </message>
    <message>
        <source>{number}: done.</source>
        <translation>{number}：已处理。</translation>
    </message>
    <message>
        <source>Window paused.</source>
        <translation>窗口已暂停服务。</translation>
    </message>
    <message>
        <source>Window open again.</source>
        <translation>窗口已恢复服务。</translation>
    </message>
    <message>
        <source>No customer at the window to transfer.</source>
        <translation>窗口前没有可转移的客户。</translation>
    </message>
    <message>
        <source>Customer arrived (Ctrl+G)</source>
        <translation>客户已到窗口 (Ctrl+G)</translation>
    </message>
    <message>
        <source>Transfer… (Ctrl+T)</source>
        <translation>转移… (Ctrl+T)</translation>
    </message>
    <message>
        <source>Park (Ctrl+K)</source>
        <translation>暂存 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Resume window (Ctrl+B)</source>
        <translation>恢复服务 (Ctrl+B)</translation>
    </message>
    <message>
        <source>Pause window (Ctrl+B)</source>
        <translation>暂停服务 (Ctrl+B)</translation>
    </message>
    <message>
        <source>Close the evaluator</source>
        <translation>关闭评价器</translation>
    </message>
    <message>
        <source>Open the evaluator</source>
        <translation>打开评价器</translation>
    </message>
    <message>
        <source>Resume {number}</source>
        <translation>继续办理 {number}</translation>
    </message>
    <message>
        <source>Call a waiting ticket</source>
        <translation>选号叫号</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Hall information</source>
        <translation>营业厅信息</translation>
    </message>
    <message>
        <source>Late-payment penalty</source>
        <translation>电费违约金</translation>
    </message>
    <message>
        <source>Arrears and notices</source>
        <translation>欠费与通知</translation>
    </message>
    <message>
        <source>Service time limits</source>
        <translation>服务时限</translation>
    </message>
    <message>
        <source>Queue and waiting</source>
        <translation>排队等候</translation>
    </message>
    <message>
        <source>Sign-in and security</source>
        <translation>登录与安全</translation>
    </message>
    <message>
        <source>Accounts and payments</source>
        <translation>账户与收费</translation>
    </message>
    <message>
        <source>Applications and complaints</source>
        <translation>业务申请与投诉</translation>
    </message>
    <message>
        <source>Daily log and scorecard</source>
        <translation>台账与考核</translation>
    </message>
    <message>
        <source>Record retention</source>
        <translation>记录保存期限</translation>
    </message>
    <message>
        <source>Supply company (unit name)</source>
        <translation>供电单位名称</translation>
    </message>
    <message>
        <source>Business hall name</source>
        <translation>营业厅名称</translation>
    </message>
    <message>
        <source>Hall address</source>
        <translation>营业厅地址</translation>
    </message>
    <message>
        <source>Service hotline</source>
        <translation>供电服务热线</translation>
    </message>
    <message>
        <source>Energy regulator hotline</source>
        <translation>能源监管热线</translation>
    </message>
    <message>
        <source>Opening time</source>
        <translation>营业开始时间</translation>
    </message>
    <message>
        <source>Closing time</source>
        <translation>营业结束时间</translation>
    </message>
    <message>
        <source>Residential penalty rate</source>
        <translation>居民用户违约金日费率</translation>
    </message>
    <message>
        <source>‰ per day</source>
        <translation>‰/日</translation>
    </message>
    <message>
        <source>Non-residential rate, current-year arrears</source>
        <translation>非居民用户当年欠费日费率</translation>
    </message>
    <message>
        <source>Non-residential rate, arrears from earlier years</source>
        <translation>非居民用户跨年度欠费日费率</translation>
    </message>
    <message>
        <source>Minimum penalty</source>
        <translation>违约金最低金额</translation>
    </message>
    <message>
        <source>fen</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Penalty starts this many days after the due date</source>
        <translation>违约金自缴费截止日后第几日起计</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Apply a partial payment to the penalty before the principal</source>
        <translation>部分缴费时先冲抵违约金再冲抵电费</translation>
    </message>
    <message>
        <source>Payment period after the bill notice</source>
        <translation>电费通知后的缴费期</translation>
    </message>
    <message>
        <source>Reminder notice after the due date</source>
        <translation>逾期后发催缴通知</translation>
    </message>
    <message>
        <source>Disconnection-plan notice after this many days overdue</source>
        <translation>逾期超过几天发停电计划通知</translation>
    </message>
    <message>
        <source>Earliest cut after the plan notice</source>
        <translation>停电计划通知后最早停电</translation>
    </message>
    <message>
        <source>Latest cut after the plan notice</source>
        <translation>停电计划通知后最迟停电</translation>
    </message>
    <message>
        <source>Final notice before the cut</source>
        <translation>停电前再次通知</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Reconnection after full payment</source>
        <translation>结清欠费后复电时限</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Supply plan reply, residential</source>
        <translation>供电方案答复（居民）</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <source>Supply plan reply, other low-voltage</source>
        <translation>供电方案答复（其他低压）</translation>
    </message>
    <message>
        <source>Completion inspection, low-voltage non-residential</source>
        <translation>竣工检验（低压非居民）</translation>
    </message>
    <message>
        <source>Metering and connection, residential</source>
        <translation>装表接电（居民）</translation>
    </message>
    <message>
        <source>Metering and connection, other low-voltage</source>
        <translation>装表接电（其他低压）</translation>
    </message>
    <message>
        <source>Whole process, residential</source>
        <translation>居民全过程办电时间</translation>
    </message>
    <message>
        <source>Utility-side steps, low-voltage non-residential</source>
        <translation>低压非居民供电企业环节时间</translation>
    </message>
    <message>
        <source>Complaint: contact the customer within</source>
        <translation>投诉：联系客户时限</translation>
    </message>
    <message>
        <source>Complaint: reply within</source>
        <translation>投诉：答复时限</translation>
    </message>
    <message>
        <source>Counter handling target, payment</source>
        <translation>柜台办理时长目标（缴费）</translation>
    </message>
    <message>
        <source>Counter handling target, business application</source>
        <translation>柜台办理时长目标（业务受理）</translation>
    </message>
    <message>
        <source>Waiting-time target</source>
        <translation>等候时长目标</translation>
    </message>
    <message>
        <source>Normal tickets called per priority ticket</source>
        <translation>每叫一个优先号后叫普通号个数</translation>
    </message>
    <message>
        <source>Voice call-out repetitions</source>
        <translation>语音叫号重复次数</translation>
    </message>
    <message>
        <source>Collection peak, first day of month</source>
        <translation>缴费高峰起始日（每月）</translation>
    </message>
    <message>
        <source>Collection peak, last day of month</source>
        <translation>缴费高峰结束日（每月）</translation>
    </message>
    <message>
        <source>Notice scrolling on the display board (planned outages …)</source>
        <translation>显示屏滚动公告（计划停电等）</translation>
    </message>
    <message>
        <source>Recent customers the wait estimate is based on</source>
        <translation>估算等候时间所依据的近期客户数</translation>
    </message>
    <message>
        <source>Handling time assumed before the day has history</source>
        <translation>当天尚无数据时假定的办理时长</translation>
    </message>
    <message>
        <source>Clerks may call a waiting ticket of their choice</source>
        <translation>允许柜员自选叫号</translation>
    </message>
    <message>
        <source>Seconds the evaluator waits for a rating</source>
        <translation>评价器等待评价的时间</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Hall hub address (empty: this PC runs the queue)</source>
        <translation>营业厅叫号服务器地址（留空：由本机叫号）</translation>
    </message>
    <message>
        <source>Central server address (empty: this PC works standalone)</source>
        <translation>中心服务器地址（空：本机单机运行）</translation>
    </message>
    <message>
        <source>Warn when this PC&apos;s clock differs from the server&apos;s by more than</source>
        <translation>本机时钟与服务器相差超过此值时告警</translation>
    </message>
    <message>
        <source>Wrong passwords before the staff number is locked</source>
        <translation>密码连续错误几次锁定工号</translation>
    </message>
    <message>
        <source>Lock-out after too many wrong passwords</source>
        <translation>密码错误过多的锁定时长</translation>
    </message>
    <message>
        <source>Lock the screen after idle time</source>
        <translation>无操作自动锁屏时间</translation>
    </message>
    <message>
        <source>Minimum password length</source>
        <translation>密码最短长度</translation>
    </message>
    <message>
        <source>Account number length (户号)</source>
        <translation>户号位数</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>位</translation>
    </message>
    <message>
        <source>Most search results shown</source>
        <translation>查询结果最多显示</translation>
    </message>
    <message>
        <source>Largest single counter payment</source>
        <translation>单笔柜台收费上限</translation>
    </message>
    <message>
        <source>Largest capacity taken at the counter (low voltage)</source>
        <translation>柜台受理最大容量（低压）</translation>
    </message>
    <message>
        <source>kW</source>
        <translation>千瓦</translation>
    </message>
    <message>
        <source>List applications as due soon this many working days ahead</source>
        <translation>提前多少个工作日列为即将到期</translation>
    </message>
    <message>
        <source>Largest scanned document</source>
        <translation>扫描件大小上限</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Call back an unanswered consultation within</source>
        <translation>未当场答复的咨询回复时限</translation>
    </message>
    <message>
        <source>Keep consultation records at least</source>
        <translation>业务咨询单最短保存期</translation>
    </message>
    <message>
        <source>Keep closed complaints at least</source>
        <translation>已办结投诉至少保存</translation>
    </message>
    <message>
        <source>Keep queue tickets and their history at least</source>
        <translation>排队号票及其记录至少保存</translation>
    </message>
    <message>
        <source>Keep audit trail events at least</source>
        <translation>审计日志至少保存</translation>
    </message>
    <message>
        <source>Keep payments and receipts at least</source>
        <translation>收费记录及凭证至少保存</translation>
    </message>
    <message>
        <source>Audit trail: longest period searched at once</source>
        <translation>审计日志：一次最多查询的天数</translation>
    </message>
    <message>
        <source>Audit trail: rows loaded at a time</source>
        <translation>审计日志：每次加载的行数</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>points</source>
        <translation>分</translation>
    </message>
    <message>
        <source>points per minute</source>
        <translation>分/分钟</translation>
    </message>
    <message>
        <source>points per percentage point</source>
        <translation>分/百分点</translation>
    </message>
    <message>
        <source>points each</source>
        <translation>分/次</translation>
    </message>
    <message>
        <source>Scorecard weight: waiting time</source>
        <translation>考核权重：等候时间</translation>
    </message>
    <message>
        <source>Scorecard weight: handling time</source>
        <translation>考核权重：办理时长</translation>
    </message>
    <message>
        <source>Scorecard weight: satisfaction</source>
        <translation>考核权重：满意度</translation>
    </message>
    <message>
        <source>Scorecard weight: complaints</source>
        <translation>考核权重：投诉</translation>
    </message>
    <message>
        <source>Scorecard weight: errors</source>
        <translation>考核权重：差错</translation>
    </message>
    <message>
        <source>Scorecard weight: fees collected</source>
        <translation>考核权重：收费任务</translation>
    </message>
    <message>
        <source>Scorecard: deduction per minute the average wait is over target</source>
        <translation>考核：平均等候每超过目标 1 分钟扣分</translation>
    </message>
    <message>
        <source>Scorecard: deduction per minute the average handling is over its limit</source>
        <translation>考核：平均办理每超过时限 1 分钟扣分</translation>
    </message>
    <message>
        <source>Scorecard: share of satisfied ratings expected</source>
        <translation>考核：满意评价应占比例</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Scorecard: deduction per percentage point below the satisfaction target</source>
        <translation>考核：满意率每低于目标 1 个百分点扣分</translation>
    </message>
    <message>
        <source>Scorecard: deduction per bad rating</source>
        <translation>考核：每条差评扣分</translation>
    </message>
    <message>
        <source>Scorecard: deduction per complaint</source>
        <translation>考核：每件投诉扣分</translation>
    </message>
    <message>
        <source>Scorecard: deduction per reversed payment</source>
        <translation>考核：每笔冲正扣分</translation>
    </message>
    <message>
        <source>Scorecard: deduction per receipt reprint</source>
        <translation>考核：每次补打凭证扣分</translation>
    </message>
    <message>
        <source>Scorecard: deduction per cash-up with a difference</source>
        <translation>考核：每次轧账有差额扣分</translation>
    </message>
    <message>
        <source>Scorecard: fees each clerk should collect in a month (0: not scored)</source>
        <translation>考核：每名柜员每月应收费金额（0 为不考核）</translation>
    </message>
    <message>
        <source>Scorecard: ticket types held to the payment handling limit</source>
        <translation>考核：按收费办理时限考核的号票类型</translation>
    </message>
    <message>
        <source>Waiting-time percentile shown in the daily log</source>
        <translation>台账中显示的等候时间百分位</translation>
    </message>
    <message>
        <source>Longest period one counter log may cover</source>
        <translation>一份台账可涵盖的最长天数</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Business settings</source>
        <translation>业务参数</translation>
    </message>
    <message>
        <source>Each value has its default and the rule it comes from. Changes take effect at once and are recorded in the audit trail.</source>
        <translation>每个参数都标明默认值及依据。修改立即生效，并记入审计记录。</translation>
    </message>
    <message>
        <source>Save changes (Ctrl+S)</source>
        <translation>保存修改 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Default {value}</source>
        <translation>默认 {value}</translation>
    </message>
    <message>
        <source>Set by the central server for this hall</source>
        <translation>由中心服务器为本营业厅设定</translation>
    </message>
    <message>
        <source>Nothing to save: no value was changed.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>Saved {count} setting(s).</source>
        <translation>已保存 {count} 项参数。</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>未保存：请更正标红的项目。</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>{hall} · PC {device}</source>
        <translation>{hall} · 本机 {device}</translation>
    </message>
    <message>
        <source>{name} ({staff_no})</source>
        <translation>{name}（{staff_no}）</translation>
    </message>
    <message>
        <source>Queue hub: this PC</source>
        <translation>叫号服务：本机内置</translation>
    </message>
    <message>
        <source>Business day {date}</source>
        <translation>营业日 {date}</translation>
    </message>
    <message>
        <source>Printer: {name}</source>
        <translation>打印机：{name}</translation>
    </message>
    <message>
        <source>Printer: not set up</source>
        <translation>打印机：未配置</translation>
    </message>
    <message>
        <source>Sync: standalone, {count} to upload</source>
        <translation>中心同步：单机模式，待上传 {count} 条</translation>
    </message>
    <message>
        <source>never</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Sync: online, {count} to upload, last {time}</source>
        <translation>中心同步：在线，待上传 {count} 条，最近 {time}</translation>
    </message>
    <message>
        <source>Sync: offline, {count} waiting, last {time}; retrying</source>
        <translation>中心同步：离线，{count} 条待上传，最近 {time}，自动重试中</translation>
    </message>
    <message>
        <source>Sync: stopped, {count} waiting; call the administrator</source>
        <translation>中心同步：已暂停，{count} 条待上传，请联系管理员</translation>
    </message>
    <message>
        <source>; this PC&apos;s clock is {minutes} min off the server&apos;s: ask to have it set</source>
        <translation>；本机时钟与服务器相差 {minutes} 分钟，请联系管理员校准</translation>
    </message>
    <message>
        <source>Queue hub: connected</source>
        <translation>叫号服务器：已连接</translation>
    </message>
    <message>
        <source>Queue hub: connecting…</source>
        <translation>叫号服务器：正在连接…</translation>
    </message>
    <message>
        <source>Queue hub: unreachable since {time}</source>
        <translation>叫号服务器：自 {time} 起无法连接</translation>
    </message>
    <message>
        <source>, {n} manual tickets to hand over</source>
        <translation>，{n} 张手工号待提交</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <source>Customers served</source>
        <translation>服务客户</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>服务达标率</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Money taken (net)</source>
        <translation>净收金额</translation>
    </message>
    <message>
        <source>{count} unfinished</source>
        <translation>未办结 {count}</translation>
    </message>
    <message>
        <source>P{p} {p_wait} · longest {longest}</source>
        <translation>P{p} {p_wait} · 最长 {longest}</translation>
    </message>
    <message>
        <source>waited at most {minutes} min: {within} of {counted}</source>
        <translation>等候不超过 {minutes} 分钟：{within} / {counted}</translation>
    </message>
    <message>
        <source>{count} transferred</source>
        <translation>转移 {count}</translation>
    </message>
    <message>
        <source>{count} bad</source>
        <translation>差评 {count}</translation>
    </message>
    <message>
        <source>{payments} payments · {reversals} reversals</source>
        <translation>收费 {payments} 笔 · 冲正 {reversals} 笔</translation>
    </message>
</context>
<context>
    <name>SyncNotices</name>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Mailing address</source>
        <translation>通讯地址</translation>
    </message>
    <message>
        <source>another application on this account was open</source>
        <translation>该户已有另一笔未办结的申请</translation>
    </message>
    <message>
        <source>the account is unknown to the central server</source>
        <translation>中心服务器上没有该户号</translation>
    </message>
    <message>
        <source>the account is closed</source>
        <translation>该户已销户</translation>
    </message>
    <message>
        <source>the holder changed when the first application was archived; cancel this one and take a new application if the customer still wants it</source>
        <translation>第一件申请归档时户主已变更；请撤销本申请，如客户仍需办理请重新受理</translation>
    </message>
    <message>
        <source>{field} changed here to {lost} was overwritten by {won} (from {hall})</source>
        <translation>本厅修改的{field}「{lost}」已被「{won}」覆盖（来自 {hall}）</translation>
    </message>
    <message>
        <source>the billing system</source>
        <translation>营销系统</translation>
    </message>
    <message>
        <source>Application {number} may go on: application {first} on the account has ended</source>
        <translation>申请 {number} 可以继续办理：该户号上的申请 {first} 已结束</translation>
    </message>
    <message>
        <source>Application {number} waits for review: {reason}</source>
        <translation>申请 {number} 待复核：{reason}</translation>
    </message>
    <message>
        <source> (first: {number})</source>
        <translation>（先到的申请：{number}）</translation>
    </message>
    <message>
        <source>Contact overwritten</source>
        <translation>联系方式被覆盖</translation>
    </message>
    <message>
        <source>Application to review</source>
        <translation>申请待复核</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>New</source>
        <translation>未读</translation>
    </message>
</context>
<context>
    <name>SyncNoticesPage</name>
    <message>
        <source>Sync notices</source>
        <translation>同步冲突通知</translation>
    </message>
    <message>
        <source>&amp;Show read notices too</source>
        <translation>同时显示已读(&amp;S)</translation>
    </message>
    <message>
        <source>Mark read (Enter)</source>
        <translation>标为已读（Enter）</translation>
    </message>
    <message>
        <source>The central server tells this hall when a contact detail changed here was overwritten by a later change, or when an application taken here must wait for review. Follow up with the customer or the clerk, then mark the notice read.</source>
        <translation>本厅修改的联系方式被之后的修改覆盖，或本厅受理的申请因同一户号已有先到的申请而需复核时，中心服务器会发来通知。请与客户或柜员核实处理后标为已读。</translation>
    </message>
    <message>
        <source>{count} new notice(s).</source>
        <translation>{count} 条未读通知。</translation>
    </message>
    <message>
        <source>No new notice.</source>
        <translation>没有未读通知。</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <source>No priority</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Military (priority by law)</source>
        <translation>军人依法优先</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <source>Pregnant</source>
        <translation>孕妇</translation>
    </message>
    <message>
        <source>Green channel / key customer</source>
        <translation>绿色通道/重点客户</translation>
    </message>
    <message>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>预计等候</translation>
    </message>
    <message>
        <source>Open windows</source>
        <translation>服务窗口</translation>
    </message>
    <message>
        <source>Manual numbering (queue server unreachable)</source>
        <translation>手工取号（叫号服务器无法连接时）</translation>
    </message>
    <message>
        <source>Account number or phone (optional)</source>
        <translation>户号或手机号（可不填）</translation>
    </message>
    <message>
        <source>No ticket issued yet</source>
        <translation>尚未取号</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>Priorit&amp;y:</source>
        <translation>优先类别(&amp;Y)：</translation>
    </message>
    <message>
        <source>Press the number of the business type to issue its ticket</source>
        <translation>按业务类型前的数字键即可取号</translation>
    </message>
    <message>
        <source>Last ticket</source>
        <translation>刚取的号</translation>
    </message>
    <message>
        <source>Reprint (F8)</source>
        <translation>补打 (F8)</translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation>当前等候</translation>
    </message>
    <message>
        <source>The queue server does not answer (since {time}); retrying. Switch to manual numbering if customers wait.</source>
        <translation>叫号服务器自 {time} 起没有响应，正在重试。如有客户等候，请改用手工取号。</translation>
    </message>
    <message>
        <source>Connecting to the queue server…</source>
        <translation>正在连接叫号服务器…</translation>
    </message>
    <message>
        <source>Ticket issuing is open</source>
        <translation>正在取号</translation>
    </message>
    <message>
        <source>Ticket issuing is stopped</source>
        <translation>取号未开始</translation>
    </message>
    <message>
        <source>business hours {hours}</source>
        <translation>营业时间 {hours}</translation>
    </message>
    <message>
        <source>Stop issuing</source>
        <translation>停止取号</translation>
    </message>
    <message>
        <source>Start issuing</source>
        <translation>开始取号</translation>
    </message>
    <message>
        <source>{error} The ticket exists: press F8 to print it again.</source>
        <translation>{error}号已取好，按 F8 可重新打印。</translation>
    </message>
    <message>
        <source>Ticket {number} printed.</source>
        <translation>{number} 号已打印。</translation>
    </message>
    <message>
        <source>{type} · {ahead} ahead · about {minutes} min</source>
        <translation>{type} · 前面 {ahead} 人 · 约 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Manual ticket: call it in person</source>
        <translation>手工号：请人工叫号</translation>
    </message>
    <message>
        <source>No ticket to reprint yet.</source>
        <translation>还没有可补打的号票。</translation>
    </message>
    <message>
        <source>Ticket printed again.</source>
        <translation>号票已补打。</translation>
    </message>
    <message>
        <source>{n} manual tickets handed to the queue server.</source>
        <translation>已将 {n} 张手工号提交到叫号服务器。</translation>
    </message>
</context>
<context>
    <name>TillPage</name>
    <message>
        <source>Receipt no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Reverses {receipt_no}</source>
        <translation>冲正 {receipt_no}</translation>
    </message>
    <message>
        <source>Reversed by {receipt_no}</source>
        <translation>已被 {receipt_no} 冲正</translation>
    </message>
    <message>
        <source>Payments of this shift</source>
        <translation>本班收费明细</translation>
    </message>
    <message>
        <source>Reprint receipt (F8)</source>
        <translation>补打凭证（F8）</translation>
    </message>
    <message>
        <source>Reverse… (Ctrl+R)</source>
        <translation>冲正…（Ctrl+R）</translation>
    </message>
    <message>
        <source>Close shift… (Ctrl+E)</source>
        <translation>日结轧账…（Ctrl+E）</translation>
    </message>
    <message>
        <source>Print last cash-up report</source>
        <translation>打印上次轧账报表</translation>
    </message>
    <message>
        <source>Today&apos;s payments and cash-up</source>
        <translation>今日收费与日结</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收费笔数</translation>
    </message>
    <message>
        <source>Reversals</source>
        <translation>冲正笔数</translation>
    </message>
    <message>
        <source>Net total</source>
        <translation>净额合计</translation>
    </message>
    <message>
        <source>Expected cash in the drawer</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Shift closed at {time}. The next payment opens a new shift.</source>
        <translation>本班已于 {time} 轧账。下一笔收费将开启新班次。</translation>
    </message>
    <message>
        <source>No open shift: the first payment of the day opens it.</source>
        <translation>当前没有班次：当天第一笔收费时自动开班。</translation>
    </message>
    <message>
        <source>No payments in an open shift.</source>
        <translation>本班尚无收费。</translation>
    </message>
    <message>
        <source>Shift open since {time} · business day {day}</source>
        <translation>开班时间 {time} · 营业日 {day}</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Printed again: {title}.</source>
        <translation>已重新打印：{title}。</translation>
    </message>
    <message>
        <source>Reversed: receipt {receipt_no} for {amount}.</source>
        <translation>已冲正：凭证 {receipt_no}，金额 {amount}。</translation>
    </message>
    <message>
        <source>The shift is closed and its report is printed.</source>
        <translation>本班已轧账，报表已打印。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer ticket {number}</source>
        <translation>转移 {number} 号</translation>
    </message>
    <message>
        <source>Any window serving the type</source>
        <translation>办理该业务的任一窗口</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation>（暂停中）</translation>
    </message>
    <message>
        <source>To business &amp;type:</source>
        <translation>转往业务类型(&amp;T)：</translation>
    </message>
    <message>
        <source>To &amp;window:</source>
        <translation>转往窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>The customer keeps their place (issue time) and you stay their first contact.</source>
        <translation>客户保留原排队顺序（取号时间），您仍是其首问负责人。</translation>
    </message>
</context>
<context>
    <name>WeekProblemsView</name>
    <message>
        <source>◀ Previous week (PgUp)</source>
        <translation>◀ 上周（PgUp）</translation>
    </message>
    <message>
        <source>Next week (PgDn) ▶</source>
        <translation>下周（PgDn）▶</translation>
    </message>
    <message>
        <source>Problems of the week</source>
        <translation>本周问题</translation>
    </message>
    <message>
        <source>Week of {monday} to {sunday}</source>
        <translation>{monday} 至 {sunday} 这一周</translation>
    </message>
    <message>
        <source>{count} problem(s) to review and correct with a deadline.</source>
        <translation>共 {count} 个问题，需限期复核整改。</translation>
    </message>
    <message>
        <source>No problem was recorded this week.</source>
        <translation>本周没有记录到问题。</translation>
    </message>
    <message>
        <source> The week is still running: as recorded up to {day}.</source>
        <translation>本周尚未结束：统计截至 {day}。</translation>
    </message>
</context>
<context>
    <name>WindowsPage</name>
    <message>
        <source>The window is in service</source>
        <translation>窗口正在使用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Serves (preferred first)</source>
        <translation>办理业务（优先的在前）</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>办理业务</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>New window</source>
        <translation>新增窗口</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Counter windows</source>
        <translation>服务窗口</translation>
    </message>
    <message>
        <source>Tick the business types a window serves; the first ticked is called first.</source>
        <translation>勾选窗口办理的业务类型；排在前面的优先叫号。</translation>
    </message>
    <message>
        <source>Window {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <source>HallApp - {workspace}</source>
        <translation>HallApp - {workspace}</translation>
    </message>
    <message>
        <source>Business Hall Counter System</source>
        <translation>供电营业厅综合柜面系统</translation>
    </message>
    <message>
        <source>Lock (F12)</source>
        <translation>锁屏 (F12)</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>_ApprovalBox</name>
    <message>
        <source>Why the code is right, for the supervisor</source>
        <translation>供值班长参考：为什么此代码是正确的</translation>
    </message>
    <message>
        <source>Send to the supervisor&apos;s &amp;queue</source>
        <translation>提交值班长审批(&amp;Q)</translation>
    </message>
    <message>
        <source>Supervisor staff no.</source>
        <translation>值班长工号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Or send with reason</source>
        <translation>或填写原因后提交</translation>
    </message>
</context>
<context>
    <name>_CorrectionRow</name>
    <message>
        <source>Corrected credit code</source>
        <translation>更正后的信用代码</translation>
    </message>
    <message>
        <source>Reason, only if it must go to the supervisor again</source>
        <translation>原因（仅在需再次提交值班长时填写）</translation>
    </message>
    <message>
        <source>Correct credit code</source>
        <translation>更正信用代码</translation>
    </message>
</context>
</TS>
