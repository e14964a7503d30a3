//! The data a built-in document body sees: the enterprise with every reference resolved
//! (zone and post names, levels, groups), built once per enterprise.

use serde::Serialize;
use serde_json::{Value, json};

use crate::documents::blocks::unique;
use crate::facts::EnterpriseFacts;
use crate::facts::departments::{equipment_approver, equipment_department};
use crate::facts::ppe::post_ppe;
use crate::facts::risk::Level;
use crate::facts::work::hazardous_work;
use crate::site::model::{Agency, EnterpriseFile};

/// 高危行业 by domain.md §3.4: these train new staff 72 学时 and leaders 48.
const HIGH_RISK_WORDS: [&str; 7] = ["煤", "矿", "危险化学品", "化工", "烟花", "爆竹", "冶炼"];

pub fn enterprise_context(
    e: &EnterpriseFile,
    facts: &EnterpriseFacts,
    agency: &Agency,
    build_date: &str,
) -> Value {
    let zone_name = |id: &str| {
        e.zones
            .iter()
            .find(|z| z.id == id)
            .map_or(id.to_string(), |z| z.name.clone())
    };
    let post_name = |id: &str| {
        if id == "all" {
            return "全体岗位".to_string();
        }
        e.posts
            .iter()
            .find(|p| p.id == id)
            .map_or(id.to_string(), |p| p.name.clone())
    };
    let level = |l: Option<Level>| l.map_or("未评估", Level::name);

    let zones: Vec<Value> = e
        .zones
        .iter()
        .map(|z| {
            let lv = facts.zone_levels.get(&z.id).copied().flatten();
            json!({"id": z.id, "name": z.name, "owner": z.owner, "level": level(lv),
                   "colour": lv.map_or("灰色", Level::colour_name)})
        })
        .collect();
    let posts: Vec<Value> = e
        .posts
        .iter()
        .map(|p| {
            let lv = facts.post_levels.get(&p.id).copied().flatten();
            let people: Vec<&str> = e.teams.iter().flat_map(|t| &t.members).filter(|m| m.post == p.id).map(|m| m.name.as_str()).collect();
            json!({"id": p.id, "name": p.name, "zone": zone_name(&p.zone), "level": level(lv), "people": people})
        })
        .collect();
    let teams: Vec<Value> = e
        .teams
        .iter()
        .zip(&facts.groups)
        .map(|(t, g)| {
            let members: Vec<Value> = t
                .members
                .iter()
                .map(|m| json!({"name": m.name, "post": post_name(&m.post), "certificates": m.certificates}))
                .collect();
            let groups: Vec<&Vec<String>> = g.groups.iter().map(|g| &g.members).collect();
            let risks: Vec<&str> = crate::facts::units::team_points(e, t)
                .iter()
                .map(|p| p.name.as_str())
                .collect();
            // Where the members work (their posts' zones), not only the team's home zone.
            let worked: Vec<String> = crate::documents::blocks::unique(
                std::iter::once(t.zone.clone())
                    .chain(t.members.iter().filter_map(|m| {
                        e.posts.iter().find(|p| p.id == m.post).map(|p| p.zone.clone())
                    }))
                    .map(|z| zone_name(&z)),
            );
            json!({"id": t.id, "name": t.name, "zone": worked.join("、"), "leader": t.leader, "risks": risks,
                   "members": members, "size": t.members.len(), "groups": groups, "generated": g.generated})
        })
        .collect();
    let mut risks: Vec<Value> = e
        .risk_points
        .iter()
        .filter_map(|p| {
            let grade = facts.grade_of(&p.id)?;
            let posts: Vec<String> = p.posts.iter().map(|x| post_name(x)).collect();
            Some(
                json!({"id": p.id, "name": p.name, "zone": zone_name(&p.zone), "posts": posts,
                        "hazards": p.hazards, "accidents": p.accidents, "controls": p.controls,
                        "responsible": p.responsible, "level": grade.level.name(),
                        "rank": grade.level as u8, "formula": grade.formula}),
            )
        })
        .collect();
    risks.sort_by_key(|r| r["rank"].as_u64());
    let accidents = unique(
        e.risk_points
            .iter()
            .flat_map(|p| p.accidents.iter().cloned()),
    );
    let special: Vec<Value> = e
        .equipment
        .iter()
        .filter(|q| q.special)
        .map(|q| {
            json!({"name": q.name, "model": q.model, "reg_no": q.reg_no, "zone": zone_name(&q.zone),
                        "inspected_on": q.inspected_on, "next_inspection": q.next_inspection})
        })
        .collect();
    let ordinary: Vec<Value> = e
        .equipment
        .iter()
        .filter(|q| !q.special)
        .map(|q| json!({"name": q.name, "model": q.model, "zone": zone_name(&q.zone)}))
        .collect();
    let chemicals: Vec<Value> = e
        .chemicals
        .iter()
        .map(|c| {
            json!({"name": c.name, "cas": c.cas, "hazard_class": c.hazard_class,
                        "max_storage": c.max_storage, "zone": zone_name(&c.zone),
                        "stored": c.is_stored()})
        })
        .collect();
    let ppe: Vec<Value> = e
        .ppe
        .iter()
        .map(|p| {
            let posts: Vec<String> = p.posts.iter().map(|x| post_name(x)).collect();
            json!({"item": p.item, "posts": posts, "cycle_months": p.cycle_months})
        })
        .collect();
    // 配备标准 per post: the items the `ppe` rules issue to it ({item, cycle_months}),
    // and apart the items its risk points require that no rule issues.
    let ppe_by_post: Vec<Value> = e
        .posts
        .iter()
        .map(|p| {
            let ppe = post_ppe(e, &p.id);
            json!({"post": p.name, "items": ppe.issued, "unissued": ppe.unissued_items()})
        })
        .collect();
    let hazards: Vec<Value> = e
        .occupational_hazards
        .iter()
        .map(|h| {
            let posts: Vec<String> = h.posts.iter().map(|x| post_name(x)).collect();
            json!({"factor": h.factor, "zone": zone_name(&h.zone), "posts": posts,
                   "exposed": h.exposed, "last_monitored": h.last_monitored})
        })
        .collect();
    let supplies: Vec<Value> = e
        .emergency_supplies
        .iter()
        .map(|s| json!({"name": s.name, "quantity": s.quantity, "zone": zone_name(&s.zone), "check_cycle_days": s.check_cycle_days}))
        .collect();
    let counselors: Vec<Value> = facts
        .counselors
        .iter()
        .map(|c| json!({"name": c.name, "phone": c.phone, "badge_no": c.badge_no}))
        .collect();
    let high_risk = HIGH_RISK_WORDS
        .iter()
        .any(|w| e.enterprise.industry.contains(w))
        || !e.chemicals.is_empty() && e.enterprise.industry.contains("化");
    let workers: usize = e.teams.iter().map(|t| t.members.len()).sum();
    let certified: Vec<Value> = e
        .teams
        .iter()
        .flat_map(|t| &t.members)
        .filter(|m| !m.certificates.is_empty())
        .map(
            |m| json!({"name": m.name, "post": post_name(&m.post), "certificates": m.certificates}),
        )
        .collect();
    let production_head = e.production_head();
    let safety_dept = e
        .departments
        .iter()
        .find(|d| d.name.contains("安全"))
        .map_or_else(|| "安全生产管理人员".to_string(), |d| d.name.clone());

    json!({
        "agency": agency,
        "enterprise": e.enterprise,
        "departments": e.departments,
        "zones": zones,
        "posts": posts,
        "teams": teams,
        "risks": risks,
        "major_risks": risks.iter().filter(|r| r["rank"].as_u64() <= Some(1)).collect::<Vec<_>>(),
        "accidents": accidents,
        "special_equipment": special,
        "ordinary_equipment": ordinary,
        "chemicals": chemicals,
        // Kept on site (a piped gas is not): what 现场管理 keeps to its place.
        "stored_chemicals": e.chemicals.iter().filter(|c| c.is_stored()).map(|c| c.name.as_str()).collect::<Vec<_>>(),
        "ppe": ppe,
        "ppe_by_post": ppe_by_post,
        "occupational_hazards": hazards,
        "emergency_supplies": supplies,
        "service": e.service,
        "fee_text": crate::documents::blocks::yuan(e.service.fee),
        "counselor_names": facts.counselor_names().join("、"),
        "zone_names": e.zones.iter().map(|z| z.name.as_str()).collect::<Vec<_>>().join("、"),
        "counselors": counselors,
        "certified": certified,
        "workers": workers,
        "production_head": production_head,
        "safety_dept": safety_dept.clone(),
        "equipment_lead": equipment_department(e).map_or_else(|| safety_dept.clone(), |d| format!("{}负责人", d.name)),
        "equipment_dept": equipment_department(e).map_or(safety_dept, |d| d.name.clone()),
        "equipment_approver": equipment_approver(e),
        "hazardous_work": hazardous_work_context(e),
        "rules": rules(e.enterprise.employees, high_risk, &e.enterprise.industry),
        "build_date": build_date,
        "targets": crate::documents::forms::targets_context(&e.enterprise.targets),
        "emergency": crate::documents::emergency::plan_context(e, facts, agency),
    })
}

/// The hazardous work the enterprise has (`facts::work`), by slug: its name and places
/// (区域 and what), so that the 危险作业安全管理制度 names what the permits name.
fn hazardous_work_context(e: &EnterpriseFile) -> Value {
    let kinds: serde_json::Map<String, Value> = hazardous_work(e)
        .iter()
        .map(|w| {
            let places: Vec<String> = w
                .places
                .iter()
                .map(|p| match e.zone_name(&p.zone) {
                    zone if zone == p.what => zone,
                    zone => format!("{}（{zone}）", p.what),
                })
                .collect();
            let value = json!({"name": w.kind.name(), "places": places});
            (w.kind.slug().replace('-', "_"), value)
        })
        .collect();
    Value::Object(kinds)
}

/// Legal numbers that depend on the enterprise (domain.md §3).
fn rules(employees: u32, high_risk: bool, industry: &str) -> Value {
    #[derive(Serialize)]
    struct Rules {
        high_risk: bool,
        /// 财资〔2022〕136号 机械制造 sliding scale applies.
        machinery: bool,
        needs_safety_department: bool,
        new_staff_hours: u32,
        yearly_hours: u32,
        leader_first_hours: u32,
        leader_yearly_hours: u32,
    }
    serde_json::to_value(Rules {
        high_risk,
        machinery: ["制造", "机械", "五金", "金属制品", "电动工具"]
            .iter()
            .any(|w| industry.contains(w)),
        needs_safety_department: employees > 100,
        new_staff_hours: if high_risk { 72 } else { 24 },
        yearly_hours: if high_risk { 20 } else { 8 },
        leader_first_hours: if high_risk { 48 } else { 32 },
        leader_yearly_hours: if high_risk { 16 } else { 12 },
    })
    .unwrap_or(Value::Null)
}
