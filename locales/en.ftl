# anquan's messages in English (`--lang en`). Every id here is also in zh.ftl, and is
# used by the code (a test checks both). Arguments are named: { $name }.

list-separator = {"; "}

## Nouns messages name things by

word-counselor = counselor
word-counselor-ref = counselor in anquan.yaml
word-badge-no = badge number
word-zone = zone
word-post = post
word-team = team
word-team-member = team member
word-risk-point = risk point
word-finding-ref = finding (service.findings[].issue)
word-contact-name = contact's name
word-contact-role = contact's role
word-assembly-point = assembly point
word-visit-content = visit's content
word-visits = visits
word-inspections = inspections
word-trainings = trainings
word-drills = drills

## Reading the site

site-not-found = no anquan.yaml in { $dir }: is this an anquan site? (`anquan init DIR` makes one)
no-enterprises = no enterprise files: add enterprises/ID.yaml
yaml-syntax = { $detail }
value-invalid = { $detail }
unknown-key = unknown key `{ $key }`; expected one of: { $expected }
missing-key = missing required key `{ $key }`
unknown-variant = `{ $value }` is not one of: { $expected }
duplicate-key = the key `{ $key }` is given twice
invalid-type = { $kind ->
    [whole] expected a whole number, found { $found }
    [number] expected a number, found { $found }
    [boolean] expected true or false, found { $found }
    [text] expected a text value, found { $found }
    [list] expected a list, found { $found }
    [mapping] expected a mapping of keys, found { $found }
   *[other] expected { $expected }, found { $found }
}
value-wrong-kind = { $kind ->
    [whole] expected a whole number
    [number] expected a number
    [boolean] expected true or false
    [text] expected a text value
    [list] expected a list
   *[mapping] expected a mapping of keys
}
date-invalid = `{ $value }` is not a date: expected YYYY-MM-DD from { $min } to { $max }, e.g. 2026-03-15
yaml-tab = { $detail } (indent with spaces, not tabs)
yaml-unclosed-quote = { $detail } (this quote is not closed on its line)
value-too-long = a text value of { $chars } characters: at most { $max } are allowed
value-blank = must not be blank: names and ids need real text
value-null = text is required here, not an empty value (leave out an optional key instead)
enterprise-file-hidden = a hidden file is not read as an enterprise: rename it (e.g. `{ $suggested }`) or move it out of enterprises/
duplicate-id = `{ $first }` and `{ $second }` give the same enterprise id `{ $id }`: keep one file per enterprise

## Values and references (invalid-value, dangling-reference)

id-invalid = { $what } id `{ $id }`: use ASCII letters, digits and `-`
id-twice = { $what } id `{ $id }` is used twice
value-empty = the { $what } is empty
phone-invalid = `{ $phone }` is not a phone number: a mobile (1[3-9] + 9 digits) or a landline such as 0579-82345678
contact-phone-invalid = `{ $phone }` is not a phone number: a mobile (1[3-9] + 9 digits), a landline such as 0579-82345678, or 110, 119, 120, 122
target-permille-invalid = `{ $rate }` is not a rate per thousand (0 to 1000 ‰)
target-percent-invalid = `{ $rate }` is not a percentage (above 0, at most 100 %)
counselor-phone-not-mobile = `{ $phone }` is not a mainland mobile number (1[3-9] + 9 digits); the notice board prints it
reference-dangling = { $what } `{ $target }` does not exist (known: { $known })
path-empty = the path is empty
path-not-relative = `{ $path }` must be a relative path inside the site, without `..`
path-missing = `{ $path }` does not exist in the site folder
path-directory = `{ $path }` is a directory, not a file
path-special = `{ $path }` is not a regular file (a pipe, socket or device): anquan does not read it
path-unreadable = `{ $path }` cannot be read: { $reason }
file-too-large = `{ $path }` has { $size } bytes, over the limit of { $limit } bytes
file-not-utf8 = the file is not UTF-8 text: save it as UTF-8 (GBK and other encodings are not read)
file-name-not-utf8 = the file name is not UTF-8: rename the file
image-invalid = `{ $path }` is not a PNG, JPEG or SVG image
path-outside = `{ $path }` is a link that leads outside the site folder: anquan reads only files inside the site
number-prefix-invalid = `{ $prefix }` cannot start a document number: use ASCII letters, digits and `-`
base-url-invalid = `{ $url }` is not an http:// or https:// address without spaces: the QR codes of boards and cards point there
day-holiday-and-workday = { $day } is listed both as a holiday and as a working day
enterprise-id-invalid = the file name `{ $id }` is the enterprise id: use ASCII letters, digits and `-`
credit-code-length = 统一社会信用代码 must have 18 characters, `{ $code }` has { $length }
credit-code-char = `{ $char }` cannot appear in a 统一社会信用代码 (allowed: digits and capital letters except I O S V Z)
credit-code-check-digit = check digit of `{ $code }` is wrong (GB 32100-2015 gives `{ $expected }`): a typo?
employees-zero = an enterprise has at least one employee
site-size-invalid = site width and height must be greater than 0
zone-rect-invalid = rect is [x, y, w, h] with w and h above 0
zone-polygon-short = a polygon needs at least 3 points
theme-not-a-name = theme `{ $theme }` must be the name of a folder under themes/ (letters, digits, `-`, `_`), not a path
zone-outside-plan = zone `{ $zone }` reaches ({ $x }, { $y }), outside the site plan (0–{ $width }, 0–{ $height } { $unit })
contract-too-long = the contract runs from { $start } to { $end }: more than { $years } years; a 托管 contract is renewed, not written for decades
number-out-of-range = `{ $value }` is out of range: expected a number from 0 to { $max }
number-not-finite = `{ $value }` is out of range: expected a finite number of at least 0
count-too-large = { $value } is out of range: expected at most { $max }
zone-shape-missing = zone `{ $zone }` needs exactly one of `rect` or `polygon`
team-leader-not-member = team `{ $team }` leader `{ $leader }` is not one of its members
member-name-twice = `{ $name }` is already a member of team `{ $team }`: names must be unique, since pairs name people
pair-member-unknown = pair member `{ $name }` of team `{ $team }` is not a member of any team
special-equipment-key = special equipment `{ $name }` needs `{ $key }` (使用登记 and 定期检验)
inspection-dates-order = next inspection { $next } is not after the last one { $last }
ppe-cycle-zero = a replacement cycle is at least 1 month
supply-cycle-zero = a check cycle is at least 1 day
supply-expires-before-equipped = `{ $name }` expires ({ $expires }) before it was equipped ({ $equipped })
service-ends-before-start = the service ends ({ $end }) before it starts ({ $start })
service-counselors-empty = name at least one counselor serving this enterprise
visit-outside-contract = the visit of { $date } lies outside the contract (signed { $signed }, ends { $end })
visit-counselors-empty = name the counselor(s) who made the visit
factor-missing = { $method } needs the factor `{ $key }`
factor-not-in-table = { $method } { $key } = { $value } is not in the table; allowed: { $allowed }
accident-type-unknown = `{ $accident }` is not an accident type of GB 6441-1986; allowed: { $allowed }
factor-s-in-lec = S belongs to the LS method; LEC uses L, E and C
factor-ec-in-ls = E and C belong to the LEC method; LS uses L and S

## Compliance findings

pair-cross-team = `{ $name }` is paired in team `{ $team }` but is a member of team `{ $other }` (互联互保 3.2: partners work in the same team)
pair-cross-zone = team `{ $team }` pairs { $who }, who work in different zones (互联互保 3.3: partners work in the same zone)
pair-cross-zone-generated = team `{ $team }` has no `pairs`, and its generated group { $who } works in different zones, since no partner was left in their own zone (互联互保 3.3: partners work in the same zone); write `pairs` to decide
pair-size = team `{ $team }` has a group of { $size } ({ $who }): groups are two people, or three where the team is odd
pair-size-three = team `{ $team }` ({ $members } members) has a group of three ({ $who }) where pairs would do: only an odd team has one group of three
member-unpaired = `{ $name }` of team `{ $team }` has no protection partner (互联互保 3.2)
member-in-groups = `{ $name }` of team `{ $team }` is in { $groups } groups: each member belongs to exactly one
board-overflow = { $title } has too much text for one { $paper } sheet: its body text would shrink to { $size } pt, below 五号 ({ $minimum } pt), the smallest a board is read at{ $items ->
    [0] {""}
   *[other] ; cut { $part } ({ $items } items, about { $lines } lines) to what workers must read there
}, or choose a larger build.{ $key }
counselor-load = { $name }（{ $id }）serves { $clients } enterprises; one counselor may serve at most { $max } (自律管理办法第二十一条)
counselor-qualification = { $name }: { $education } with { $years } years in safety management; a counselor needs 大专 or above, or 高中/中专 with at least 5 years (第十条)
counselor-training-missing = { $name } has no `trained_on`: annual training and test are required (第十一条)
counselor-training-expired = { $name } was last trained on { $trained }, more than a year before { $date }: annual training and test are required (第十一条)
risk-level-mismatch = risk point `{ $point }` states level { $stated } but { $formula } gives { $computed }; the computed level is used
risk-without-controls = risk point `{ $point }` ({ $name }) has no control measure (第十九条 风险分级管控)
zone-without-risk = zone `{ $zone }` ({ $name }) has no risk point: the four-colour map draws it grey (未评估)
ppe-unissued = risk point `{ $point }` ({ $name }) requires { $item } for { $posts }, but no `ppe` rule issues it there: the procedures say it is still to be issued and the cards, boards and ledgers leave it out; add it to `ppe` (with the post and cycle_months) or correct the control
ppe-unissued-hazard = { $posts } exposed to { $factor } are issued no { $item }, which its 职业病危害告知卡 tells them to wear: add it to `ppe` (职业病防治法 第二十二条)
confined-space-kit = the enterprise has confined-space work ({ $places }) but `emergency_supplies` lists no { $missing }: the 有限空间作业审批表 requires a gas test before entry and rescue gear on site, so it cannot be signed truthfully; equip them and list them under `emergency_supplies` (应急管理部令第13号)
crane-without-operator = crane `{ $name }` has no `operators`: the 吊装安全作业票 requires a certified crane operator, so it cannot be signed truthfully; list the certified team members who operate it under its `operators` (特种设备安全法 第十四条)
service-frequency = { $value } is below the minimum of { $minimum } { $key ->
    [site_visits_per_month] site visits a month
    [inspections_per_month] inspection a month
    [trainings_per_year] trainings a year
   *[drills_per_year] drill a year
} (自律管理办法第十六条)
service-plan-late = the technical service plan was issued { $days } working days after the agreement was signed ({ $signed }); it is due within { $limit } (第十五条)
service-fee-low = fee { $fee } yuan is below the suggested minimum of 15000 (第二十二条)
inspection-overdue = special equipment { $name }（{ $reg_no }）was due for inspection on { $due }: it may not be used until inspected (特种设备安全法第四十条)
finding-without-photo = hazard “{ $issue }” has no photo: the plan's list of site hazards is to carry photos (第十五条); add `photo:`
finding-overdue = hazard “{ $issue }” was due to be rectified by { $due } and is not closed (第三十条)
visits-unrecorded = `service.visits` is not given: whether the visits, inspections, trainings and drills of 第十六条 were made is not checked (service-behind)
service-behind = by { $date }, for the { $months } full month(s) { $first } to { $last }, the visits record too little (自律管理办法第十六条): { $shortfalls }
service-behind-total = { $work }: { $done } recorded, { $required } required ({ $rate } a year, pro rata, rounded down)
service-behind-months = { $work }: fewer than { $rate } a month in { $months }
holiday-data-missing = the contract runs to { $end } into { $years }, whose holiday arrangement (放假调休) anquan does not know: { $used } are taken out as non-working days; once the State Council publishes the arrangement, list its days in anquan.yaml under `calendar: {"{"}holidays: [...], workdays: [...]{"}"}`
holiday-statutory-only = in { $years } only weekends and the statutory days of { $basis }
holiday-weekends-only = in { $years } only weekends
unreleased-changes = { $count } document(s) changed since the release of { $since } and are not released yet: { $titles }; check them, then run anquan release to issue them with their revision records
release-out-of-order = release date { $date } is before the release listed above it ({ $last }): releases are only appended in date order
release-hash-invalid = content hash `{ $value }` is malformed: 16 hex digits expected (anquan release writes it; do not edit it by hand)
release-version-empty = the version is empty

## watch and serve

watch-index = the index
watch-enterprises = { $count } enterprises
watch-rebuilt = rebuilt { $which } ({ $pages } HTML pages) in { $ms } ms
watch-pdfs = wrote { $count } PDFs
watch-pdfs-changed = wrote the PDFs of { $count } changed documents; the packs follow
watch-kept = the last good output is kept; fix the file and save again
overlay-heading = the last edit has errors; showing the last good pages

## The command line

date-flag-invalid = --date `{ $value }`: expected YYYY-MM-DD
epoch-not-number = SOURCE_DATE_EPOCH `{ $value }` is not a number of seconds
epoch-out-of-range = SOURCE_DATE_EPOCH `{ $value }` is out of range
init-wrote = wrote { $count } files into { $dir }
init-next = next: anquan build { $dir }
init-editor = open the folder in VS Code with the YAML extension (redhat.vscode-yaml) for completion, hover help and errors as you type (the JSON Schemas in schemas/)
new-wrote = wrote { $path }: fill in every key marked 必填, then run anquan check
help-new = Scaffold enterprises/ID.yaml for a new client: the required keys to fill in
help-new-id = The new enterprise's id (letters, digits and hyphens)
help-new-dir = The site folder
threads-failed = cannot start worker threads: { $error }
build-done = built { $pages } HTML pages, { $pdfs } PDFs and { $docx } DOCX for { $enterprises } enterprise(s) into { $out } in { $seconds } s ({ $steps }; PDF { $pdf_ms } ms and DOCX { $docx_ms } ms summed over enterprises)
build-cached = the PDFs of { $enterprises } enterprise(s) came from the cache unchanged
build-shard = (shard { $shard })
merge-done = merged { $shards } shards into { $out } ({ $files } files)
merge-failed = { $error }; { $out } is unchanged
help-build-shard = Build the K-th of N shards of the enterprises (a stable split by id), for CI matrices; `anquan merge` joins the shards
help-merge = Join the outputs of `build --shard K/N` into one site, as an unsharded build writes it
help-merge-shards = The output folder of every shard
help-merge-out = The merged site
build-invalid = { $errors } error(s); nothing was written, { $out } is unchanged
build-pdf-failed = { $error }
    { $out } is unchanged; `anquan doctor` checks the PDF tools
build-failed = { $error }; { $out } is unchanged
build-changed = { $count } document(s) changed since the release of { $since } (see changes.json):
changed-line =   { $id } ({ $title }, { $from }): { $summary }
changed-new = new
release-done = recorded the release of { $date }: { $revised } document(s) at a new version, { $unchanged } unchanged, in { $file }
release-revised =   { $id } ({ $title }) → { $version }: { $changes }
release-nothing = nothing changed since the release of { $last }: no release recorded
release-before-last = release date { $date } is before the last release ({ $last }): releases are only appended, revision history is never rewritten
release-failed = { $error }
help-release = Record a release: documents whose content changed get their next version, in revisions.yaml
help-release-date = Release date YYYY-MM-DD (required; not before the last release)
help-release-note = A note on the release, added to each revised document's record
help-check-strict = Also report documents changed since the last release and not released (unreleased-changes)
check-summary = { $errors } error(s), { $warnings } warning(s){ $notes ->
    [0] {""}
   *[other] , { $notes } note(s)
}
progress-bar = {"{"}elapsed:>4{"}"} [{"{"}bar:30{"}"}] {"{"}pos{"}"}/{"{"}len{"}"} enterprises {"{"}msg{"}"}
progress-built = built { $id }
doctor-typst = typst { $version } at { $path }
doctor-typst-untested = {" "}(tested with { $tested })
doctor-fonts = { $count } CJK font files
doctor-faces = title: { $title }; body: { $body }; headings: { $heading }; 楷体: { $kai }
doctor-fonts-skipped = fonts: needs typst first

## --help (English uses clap's own template, headings and flags; these keep the ids in step)

help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    {"{"}usage-heading{"}"} {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-help = Print help
help-version = Print version
help-about = 安全托管文件包: YAML → the safety-compliance document pack, as HTML, PDF and DOCX
help-lang = Language of messages and help: zh (default) or en; also ANQUAN_LANG
help-init = Scaffold a new site with a complete, valid example enterprise
help-build = Validate, then write the pack into OUT (default DIR/public)
help-out = Output folder (default DIR/public)
help-build-html = Only the web site (HTML pages and what they link)
help-build-pdf = Only the PDFs
help-build-only = Build only these enterprises (repeatable)
help-build-strict = Stop on compliance errors too
help-date = Build date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)
help-quiet = Print nothing but errors
help-build-jobs = Enterprises (and so typst processes) built at once; default: the number of cores
help-build-cache = Keep PDFs and DOCX across builds in CACHE_DIR (default: DIR/.anquan/cache, or $ANQUAN_CACHE)
help-build-no-cache = Make every file afresh, neither reading nor writing a cache (or ANQUAN_CACHE=off)
help-watch = Rebuild what each change touches (HTML first, PDFs after)
help-serve = Watch, and serve OUT on 127.0.0.1 with live reload
help-serve-port = Port; 0 picks a free one
help-doctor = Check the PDF tools: typst and the CJK fonts
help-check = Validate and run every compliance rule; writes nothing
help-check-format = Output format: text or json
help-check-deny-warnings = Exit 1 on warnings too
help-schema = Print the JSON Schema of anquan.yaml (site) or of an enterprise file, for editors
help-schema-file = site: anquan.yaml; enterprise: a file under enterprises/
