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
    <name>DisplayBoard</name>
    <message>
        <source>HallApp display board</source>
        <translation>营业厅叫号显示屏</translation>
    </message>
    <message>
        <source>Now serving</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <source>No calls yet: please listen for your number</source>
        <translation>暂无叫号，请留意语音提示</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <source>Queue service starts with the hall hub</source>
        <translation>排队叫号服务开通后显示实时人数</translation>
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
        <source>Low-voltage residential new connection</source>
        <translation>低压居民新装</translation>
    </message>
    <message>
        <source>Low-voltage non-residential new connection</source>
        <translation>低压非居民新装</translation>
    </message>
    <message>
        <source>Capacity increase</source>
        <translation>增容</translation>
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
        <source>Fee collection</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Completion inspection</source>
        <translation>竣工检验</translation>
    </message>
    <message>
        <source>Contract signed</source>
        <translation>合同已签</translation>
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
    <name>PlaceholderPage</name>
    <message>
        <source>Not available yet in this version</source>
        <translation>本版本尚未开通</translation>
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
        <source>Queue tickets</source>
        <translation>排队取号</translation>
    </message>
    <message>
        <source>Issue a ticket per business type in two keystrokes, capture the account number, flag priority and green-channel customers, and print the ticket on the thermal printer.</source>
        <translation>按业务类型两键取号，可登记户号，标记优先和绿色通道客户，并用热敏打印机打印号票。</translation>
    </message>
    <message>
        <source>Current customer</source>
        <translation>当前客户</translation>
    </message>
    <message>
        <source>Call the next ticket with F1, recall with F2, mark a no-show with F3, transfer or park a ticket; the customer&apos;s account opens on call.</source>
        <translation>F1 叫号、F2 重呼、F3 过号，可转移或暂挂号票；叫号时自动打开客户账户。</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>电费缴费</translation>
    </message>
    <message>
        <source>Take bill payments with late-payment penalties by cash, card, WeChat Pay or Alipay, print the receipt after the payment is saved, reprint and reverse with approval, and close the shift.</source>
        <translation>收取电费及违约金，支持现金、银行卡、微信和支付宝；缴费入账后打印凭证，经审批补打和冲正，并办理日结。</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>业务受理</translation>
    </message>
    <message>
        <source>Take new connection, capacity increase, name change and ownership transfer applications with their materials checklist, deadlines and printed forms.</source>
        <translation>受理新装、增容、更名、过户业务，含资料清单、办理时限和打印表单。</translation>
    </message>
    <message>
        <source>Daily counter log</source>
        <translation>营业日志</translation>
    </message>
    <message>
        <source>Waits, handling times, no-shows, satisfaction and money taken per clerk and method, with charts and Excel/PDF export.</source>
        <translation>按柜员和收费方式统计等候时长、办理时长、过号、满意度和收费金额，提供图表并可导出 Excel/PDF。</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Approve or refuse payment reversals and credit-code overrides, each with a reason.</source>
        <translation>审批或驳回缴费冲正、信用代码校验放行等事项，均需填写理由。</translation>
    </message>
    <message>
        <source>Display board</source>
        <translation>叫号显示屏</translation>
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
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
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
        <source>Keep consultation records at least</source>
        <translation>业务咨询单最短保存期</translation>
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
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
</TS>
