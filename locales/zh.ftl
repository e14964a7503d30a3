# anquan 的中文消息（默认语言）。此处每个 id 在 en.ftl 中也有，且都被代码使用（有测试检查）。
# 参数按名称引用：{ $name }。《自律管理办法》即《安全生产服务机构社会化服务自律管理办法》。

list-separator = ；

## 消息中的名词

word-counselor = 辅导员
word-counselor-ref = anquan.yaml 中的辅导员
word-badge-no = 工作牌编号
word-zone = 区域
word-post = 岗位
word-team = 班组
word-team-member = 班组成员
word-risk-point = 风险点
word-finding-ref = 现场隐患（service.findings[].issue）
word-contact-name = 联系单位名称
word-contact-role = 联系单位类别
word-assembly-point = 紧急集合点
word-visit-content = 服务内容
word-visits = 现场服务
word-inspections = 安全生产检查
word-trainings = 全员安全教育培训
word-drills = 应急演练

## 读取站点

site-not-found = { $dir } 中没有 anquan.yaml，这不是 anquan 站点目录（可用 `anquan init 目录` 新建）
no-enterprises = 没有企业文件：请添加 enterprises/企业ID.yaml
yaml-syntax = YAML 格式错误：{ $detail }
value-invalid = 取值不正确：{ $detail }
unknown-key = 未知的键 `{ $key }`（可能是拼写错误）；此处可用的键：{ $expected }
missing-key = 缺少必填键 `{ $key }`
unknown-variant = `{ $value }` 不是可选值，应为以下之一：{ $expected }
duplicate-key = 键 `{ $key }` 重复出现
invalid-type = { $kind ->
    [whole] 应填整数，实际为 { $found }
    [number] 应填数字，实际为 { $found }
    [boolean] 应填 true 或 false，实际为 { $found }
    [text] 应填文字，实际为 { $found }
    [list] 应填列表，实际为 { $found }
    [mapping] 应填键值映射，实际为 { $found }
   *[other] 应为 { $expected }，实际为 { $found }
}
value-wrong-kind = { $kind ->
    [whole] 应填整数
    [number] 应填数字
    [boolean] 应填 true 或 false
    [text] 应填文字
    [list] 应填列表
   *[mapping] 应填键值映射
}
date-invalid = `{ $value }` 不是有效日期：应为 YYYY-MM-DD 格式，年份在 { $min } 至 { $max } 之间，如 2026-03-15
yaml-tab = YAML 格式错误：{ $detail }（请用空格缩进，不要用制表符）
yaml-unclosed-quote = YAML 格式错误：{ $detail }（此处的引号在本行内没有闭合）
value-too-long = 文字值长 { $chars } 个字符，超过上限 { $max } 个字符
value-blank = 不能为空：名称和编号须填写实际内容
value-null = 此处须填写文字，不能空着（可选的键不填时请整行删去）
enterprise-file-hidden = 隐藏文件不会作为企业文件读取：请重命名（如 `{ $suggested }`）或移出 enterprises/ 文件夹
duplicate-id = `{ $first }` 和 `{ $second }` 对应同一个企业 ID `{ $id }`：每家企业只能有一个文件

## 取值与引用（invalid-value、dangling-reference）

id-invalid = { $what } ID `{ $id }` 不符合要求：只能使用英文字母、数字和 `-`
id-twice = { $what } ID `{ $id }` 重复使用
value-empty = { $what }不能为空
phone-invalid = `{ $phone }` 不是有效电话号码：应为手机号（1[3-9] 开头共 11 位）或固定电话（如 0579-82345678）
contact-phone-invalid = `{ $phone }` 不是有效电话号码：应为手机号（1[3-9] 开头共 11 位）、固定电话（如 0579-82345678）或 110、119、120、122
target-permille-invalid = `{ $rate }` 不是千分率（应在 0 至 1000 ‰ 之间）
target-percent-invalid = `{ $rate }` 不是百分率（应大于 0 且不超过 100 %）
counselor-phone-not-mobile = `{ $phone }` 不是大陆手机号（1[3-9] 开头共 11 位）：服务公示牌须公布服务人员手机号码（《自律管理办法》第二十条）
reference-dangling = { $what }“{ $target }”不存在（现有：{ $known }）
path-empty = 路径为空
path-not-relative = `{ $path }` 须为站点目录内的相对路径，且不得含 `..`
path-missing = 站点目录中不存在 `{ $path }`
path-directory = `{ $path }` 是文件夹，不是文件
path-special = `{ $path }` 不是普通文件（而是管道、套接字或设备文件）：anquan 不读取此类文件
path-unreadable = 无法读取 `{ $path }`：{ $reason }
file-too-large = `{ $path }` 大小为 { $size } 字节，超过上限 { $limit } 字节
file-not-utf8 = 文件不是 UTF-8 编码的文本：请另存为 UTF-8（不读取 GBK 等其他编码）
file-name-not-utf8 = 文件名不是 UTF-8 编码：请重命名该文件
image-invalid = `{ $path }` 不是 PNG、JPEG 或 SVG 图片
path-outside = `{ $path }` 是指向站点目录之外的链接：anquan 只读取站点目录内的文件
number-prefix-invalid = `{ $prefix }` 不能作为文件编号前缀：只能使用英文字母、数字和 `-`
base-url-invalid = `{ $url }` 不是以 http:// 或 https:// 开头且不含空格的网址：公告牌和告知卡上的二维码指向该地址
day-holiday-and-workday = { $day } 同时列为节假日和调休上班日
enterprise-id-invalid = 文件名 `{ $id }` 即企业 ID：只能使用英文字母、数字和 `-`
credit-code-length = 统一社会信用代码应为 18 位，`{ $code }` 为 { $length } 位
credit-code-char = 统一社会信用代码中不能出现 `{ $char }`（只允许数字和除 I、O、S、V、Z 以外的大写字母）
credit-code-check-digit = `{ $code }` 的校验码不正确（按 GB 32100-2015 应为 `{ $expected }`），请核对是否录入有误
employees-zero = 企业从业人员数至少为 1
site-size-invalid = 厂区平面的宽度和高度须大于 0
zone-rect-invalid = rect 应为 [x, y, 宽, 高]，宽和高须大于 0
zone-polygon-short = 多边形至少需要 3 个顶点
theme-not-a-name = 主题 `{ $theme }` 须为 themes/ 下的文件夹名（字母、数字、`-`、`_`），不能是路径
zone-outside-plan = 区域 `{ $zone }` 延伸到 ({ $x }, { $y })，超出厂区平面图范围（0–{ $width }，0–{ $height } { $unit }）
contract-too-long = 合同期自 { $start } 至 { $end }，超过 { $years } 年：托管服务合同应到期续签，不应一签数十年
number-out-of-range = `{ $value }` 超出范围：应为 0 至 { $max } 之间的数值
number-not-finite = `{ $value }` 超出范围：应为不小于 0 的有限数值
count-too-large = { $value } 超出范围：最多为 { $max }
zone-shape-missing = 区域 `{ $zone }` 须且只能填写 `rect` 或 `polygon` 之一
team-leader-not-member = 班组 `{ $team }` 的班组长“{ $leader }”不在本班组成员中
member-name-twice = “{ $name }”已是班组 `{ $team }` 的成员：互保对象按姓名结对，同一企业内姓名不得重复
pair-member-unknown = 班组 `{ $team }` 的互保对象“{ $name }”不是任何班组的成员
special-equipment-key = 特种设备“{ $name }”须填写 `{ $key }`（使用登记和定期检验）
inspection-dates-order = 下次检验日期 { $next } 不晚于上次检验日期 { $last }
ppe-cycle-zero = 更换周期至少为 1 个月
supply-cycle-zero = 检查周期至少为 1 天
supply-expires-before-equipped = “{ $name }”的有效期（{ $expires }）早于配备日期（{ $equipped }）
service-ends-before-start = 服务终止日期（{ $end }）早于起始日期（{ $start }）
service-counselors-empty = 须至少指定一名为本企业服务的辅导员
visit-outside-contract = { $date } 的服务记录不在合同期内（签订 { $signed }，终止 { $end }）
visit-counselors-empty = 须写明本次服务的辅导员
factor-missing = { $method } 法须填写因子 `{ $key }`
factor-not-in-table = { $method } 法的 { $key } = { $value } 不是取值表中的值；可取：{ $allowed }
accident-type-unknown = `{ $accident }` 不是 GB 6441-1986《企业职工伤亡事故分类》规定的事故类别；可取：{ $allowed }
factor-s-in-lec = S 属于 LS 法；LEC 法使用 L、E、C
factor-ec-in-ls = E 和 C 属于 LEC 法；LS 法使用 L 和 S

## 合规检查发现

pair-cross-team = “{ $name }”在班组 `{ $team }` 中结对，却是班组 `{ $other }` 的成员（互联互保 3.2：互保对象应在同一班组）
pair-cross-zone = 班组 `{ $team }` 的互保小组 { $who } 不在同一区域作业（互联互保 3.3：互保对象应在同一区域作业）
pair-cross-zone-generated = 班组 `{ $team }` 未填写 `pairs`，自动生成的互保小组 { $who } 不在同一区域作业（本区域已无可结对人员；互联互保 3.3：互保对象应在同一区域作业），请填写 `pairs` 自行确定
pair-size = 班组 `{ $team }` 有一个 { $size } 人的互保小组（{ $who }）：互保小组应为两人，班组人数为奇数时可有一组三人
pair-size-three = 班组 `{ $team }`（{ $members } 人）有可两两结对的三人小组（{ $who }）：只有人数为奇数的班组可有一组三人
member-unpaired = 班组 `{ $team }` 的“{ $name }”没有互保对象（互联互保 3.2）
member-in-groups = 班组 `{ $team }` 的“{ $name }”同时在 { $groups } 个互保小组中：每人只能属于一个小组
board-overflow = “{ $title }”文字过多，一张 { $paper } 放不下：正文须缩至 { $size } pt，小于公告牌可读的最小字号五号（{ $minimum } pt）{ $items ->
    [0] {""}
   *[other] ；请精简“{ $part }”（{ $items } 项，约 { $lines } 行），只保留作业人员须在现场知晓的内容
}，或在 build.{ $key } 中选用更大幅面
counselor-load = { $name }（{ $id }）服务 { $clients } 家企业，超过每位辅导服务人员一般不超过 { $max } 家的规定（《自律管理办法》第二十一条）
counselor-qualification = { $name }学历为{ $education }、从事安全管理 { $years } 年，不符合技术服务人员应具有大专以上文凭，或高中文凭且从事安全管理五年以上的要求（《自律管理办法》第十条）
counselor-training-missing = { $name }未填写 `trained_on`：技术服务人员每年应接受专业知识培训并经考核合格（《自律管理办法》第十一条）
counselor-training-expired = { $name }最近一次培训为 { $trained }，至 { $date } 已超过一年：技术服务人员每年应接受专业知识培训并经考核合格（《自律管理办法》第十一条）
risk-level-mismatch = 风险点 `{ $point }` 填写的等级为{ $stated }，按 { $formula } 计算应为{ $computed }；以计算结果为准
risk-without-controls = 风险点 `{ $point }`（{ $name }）未制定管控措施，风险分级管控无从落实（《自律管理办法》第十九条）
zone-without-risk = 区域 `{ $zone }`（{ $name }）未辨识风险点：四色风险分布图中以灰色（未评估）表示
ppe-unissued = 风险点 `{ $point }`（{ $name }）的管控措施要求{ $posts }配备“{ $item }”，但 `ppe` 配备标准未向其发放：操作规程写明须补充配备，告知卡、公告牌和发放台账不列该用品；请在 `ppe` 中补充该用品及其更换周期，或者修正管控措施（《安全生产法》第四十五条）
ppe-unissued-hazard = 接触职业病危害因素“{ $factor }”的{ $posts }未配备{ $item }，而告知卡要求佩戴：请在 `ppe` 配备标准中补充（《职业病防治法》第二十二条）
confined-space-kit = 存在有限空间作业（{ $places }），但 `emergency_supplies` 未列{ $missing }：有限空间作业审批表要求作业前进行气体检测并配备应急救援装备，缺少这些装备的，审批表无法如实签认；请补充配备后在 `emergency_supplies` 中列出（《工贸企业有限空间作业安全规定》，应急管理部令第13号）
crane-without-operator = 起重机械“{ $name }”未列 `operators`：吊装作业票要求由持证的起重机械作业人员操作，未指定操作人员的，作业票无法如实签认；请在该设备的 `operators` 中列出持证班组成员（《特种设备安全法》第十四条）
service-frequency = { $key ->
    [site_visits_per_month] 每月现场办公 { $value } 次，少于不少于 { $minimum } 次的要求
    [inspections_per_month] 每月安全生产检查 { $value } 次，少于不少于 { $minimum } 次的要求
    [trainings_per_year] 每年全员安全教育培训 { $value } 次，少于不少于 { $minimum } 次的要求
   *[drills_per_year] 每年应急演练 { $value } 次，少于不少于 { $minimum } 次的要求
}（《自律管理办法》第十六条）
service-plan-late = 《安全生产技术服务（咨询）方案》在服务协议签订（{ $signed }）后第 { $days } 个工作日才提供，应在 { $limit } 个工作日内提供（《自律管理办法》第十五条）
service-fee-low = 服务费 { $fee } 元，低于每家企业一个服务周期 1.5 万元以上的建议标准（《自律管理办法》第二十二条）
inspection-overdue = 特种设备“{ $name }”（{ $reg_no }）应于 { $due } 前定期检验，逾期未检验的不得继续使用（《特种设备安全法》第四十条）
finding-without-photo = 隐患“{ $issue }”没有照片：技术服务方案中的现场隐患应含照片（《自律管理办法》第十五条），请填写 `photo:`
finding-overdue = 隐患“{ $issue }”整改期限为 { $due }，至今未整改（《自律管理办法》第三十条）
visits-unrecorded = 未填写 `service.visits`：未核查第十六条规定的现场办公、检查、培训和演练是否完成（service-behind）
service-behind = 截至 { $date }，{ $first } 至 { $last } 共 { $months } 个整月的服务记录不足（《自律管理办法》第十六条）：{ $shortfalls }
service-behind-total = { $work }已记录 { $done } 次，应不少于 { $required } 次（每年 { $rate } 次，按月折算，向下取整）
service-behind-months = { $work }在 { $months } 少于每月 { $rate } 次
holiday-data-missing = 合同期至 { $end }，跨入 { $years } 年，anquan 尚无该年度放假调休安排：{ $used }计为非工作日；国务院办公厅公布安排后，请在 anquan.yaml 的 `calendar: {"{"}holidays: [...], workdays: [...]{"}"}` 中列出
holiday-statutory-only = { $years } 年仅按周末和{ $basis }规定的法定节假日
holiday-weekends-only = { $years } 年仅按周末
unreleased-changes = { $count } 个文件自 { $since } 发布以来已修改，尚未发布新版本：{ $titles }；核对后请运行 anquan release 发布，修订记录随之更新
release-out-of-order = 发布日期 { $date } 早于前一次发布（{ $last }）：发布记录只能按日期顺序追加
release-hash-invalid = 内容校验值 `{ $value }` 格式不对：应为 16 位十六进制数（由 anquan release 写入，请勿手工修改）
release-version-empty = 版本号为空

## watch 与 serve

watch-index = 总览页
watch-enterprises = { $count } 家企业
watch-rebuilt = 已重建{ $which }（{ $pages } 个 HTML 页面），用时 { $ms } ms
watch-pdfs = 已生成 { $count } 个 PDF
watch-pdfs-changed = 已重新生成改动的 { $count } 个文件的 PDF，全套 PDF 随后更新
watch-kept = 保留上次正确的输出；请修改文件后重新保存
overlay-heading = 最近一次修改有错误，当前显示的是上次正确的页面

## 命令行

date-flag-invalid = --date `{ $value }` 格式不对：应为 YYYY-MM-DD
epoch-not-number = SOURCE_DATE_EPOCH `{ $value }` 不是秒数
epoch-out-of-range = SOURCE_DATE_EPOCH `{ $value }` 超出范围
init-wrote = 已在 { $dir } 中写入 { $count } 个文件
init-next = 下一步：anquan build { $dir }
init-editor = 用 VS Code 打开该目录并安装 YAML 扩展（redhat.vscode-yaml），编辑时即有键名补全、中文说明和即时校验（schemas/ 中的 JSON Schema）
new-wrote = 已写入 { $path }：填好每个标“必填”的键，再运行 anquan check
help-new = 为新托管企业生成 enterprises/ID.yaml：列出待填写的必填键
help-new-id = 新企业的 ID（英文字母、数字和连字符）
help-new-dir = 站点目录
threads-failed = 无法启动工作线程：{ $error }
build-done = 已生成 { $enterprises } 家企业的 { $pages } 个 HTML 页面、{ $pdfs } 个 PDF 和 { $docx } 个 DOCX，输出到 { $out }，用时 { $seconds } 秒（{ $steps }；各企业合计 PDF { $pdf_ms } ms、DOCX { $docx_ms } ms）
build-cached = { $enterprises } 家企业的 PDF 未变，取自缓存
build-shard = （分片 { $shard }）
merge-done = 已将 { $shards } 个分片合并到 { $out }（{ $files } 个文件）
merge-failed = { $error }；{ $out } 未改动
help-build-shard = 只生成第 K 个分片（共 N 片，按企业 ID 稳定划分），供 CI 并行矩阵使用；用 `anquan merge` 合并各分片
help-merge = 把 `build --shard K/N` 的各分片输出合并为一个站点，与不分片生成的结果逐字节相同
help-merge-shards = 各分片的输出目录
help-merge-out = 合并后的输出目录
build-invalid = 共 { $errors } 个错误；未写入任何文件，{ $out } 保持不变
build-pdf-failed = { $error }
    { $out } 保持不变；可运行 `anquan doctor` 检查 PDF 工具
build-failed = { $error }；{ $out } 保持不变
build-changed = 自 { $since } 发布以来已修改 { $count } 个文件（见 changes.json）：
changed-line =   { $id }（{ $title }，{ $from }）：{ $summary }
changed-new = 新文件
release-done = 已记录 { $date } 的发布：{ $revised } 个文件换版，{ $unchanged } 个未变，写入 { $file }
release-revised =   { $id }（{ $title }）→ { $version }：{ $changes }
release-nothing = 自 { $last } 发布以来没有文件变化：未记录新的发布
release-before-last = 发布日期 { $date } 早于上次发布（{ $last }）：发布只能追加，不能改写已有的修订记录
release-failed = { $error }
help-release = 记录一次发布：内容有变化的文件升版，并写入 revisions.yaml（修订记录）
help-release-date = 发布日期 YYYY-MM-DD（必填；不得早于上次发布）
help-release-note = 发布说明，写入本次各换版文件的修订内容
help-check-strict = 同时报告自上次发布以来已修改、尚未发布的文件（unreleased-changes）
check-summary = { $errors } 个错误，{ $warnings } 个警告{ $notes ->
    [0] {""}
   *[other] ，{ $notes } 条提示
}
progress-bar = {"{"}elapsed:>4{"}"} [{"{"}bar:30{"}"}] {"{"}pos{"}"}/{"{"}len{"}"} 家企业 {"{"}msg{"}"}
progress-built = 已生成 { $id }
doctor-typst = typst { $version }，位于 { $path }
doctor-typst-untested = （已测试版本为 { $tested }）
doctor-fonts = 找到 { $count } 个中文字体文件
doctor-faces = 标题：{ $title }；正文：{ $body }；各级标题：{ $heading }；楷体：{ $kai }
doctor-fonts-skipped = 字体：须先安装 typst

## --help

help-template = {"{"}about{"}"}

    用法：{"{"}usage{"}"}

    {"{"}all-args{"}"}
help-heading-commands = 命令
help-heading-options = 选项
help-heading-arguments = 参数
help-help = 显示帮助
help-version = 显示版本
help-about = 安全托管文件包：由 YAML 生成安全生产服务机构交付的合规文件包（HTML、PDF、DOCX）
help-lang = 消息和帮助的语言：zh（默认）或 en；也可设置环境变量 ANQUAN_LANG
help-init = 新建站点，内含一家完整、可直接生成的示例企业
help-build = 校验后将文件包写入 OUT（默认 DIR/public）
help-out = 输出目录（默认 DIR/public）
help-build-html = 只生成网站（HTML 页面及其链接的文件）
help-build-pdf = 只生成 PDF
help-build-only = 只生成这些企业（可重复）
help-build-strict = 合规检查有错误时也停止生成
help-date = 生成日期 YYYY-MM-DD（默认取 SOURCE_DATE_EPOCH，否则为今天）
help-quiet = 只输出错误
help-build-jobs = 同时生成的企业数（即同时运行的 typst 进程数）；默认为 CPU 核数
help-build-cache = 在 CACHE_DIR 中保留 PDF 和 DOCX 供下次生成复用（默认 DIR/.anquan/cache，或环境变量 ANQUAN_CACHE）
help-build-no-cache = 全部重新生成，不读也不写缓存（或 ANQUAN_CACHE=off）
help-watch = 监视修改，只重建受影响的部分（先 HTML，后 PDF）
help-serve = 监视修改，并在 127.0.0.1 上预览 OUT，保存后自动刷新
help-serve-port = 端口；0 表示任选一个空闲端口
help-doctor = 检查 PDF 工具：typst 和中文字体
help-check = 校验输入并运行全部合规检查；不写任何文件
help-check-format = 输出格式：text 或 json
help-check-deny-warnings = 有警告时也以状态 1 退出
help-schema = 输出 anquan.yaml（site）或企业文件（enterprise）的 JSON Schema，供编辑器补全和校验
help-schema-file = site：anquan.yaml；enterprise：enterprises/ 下的企业文件
