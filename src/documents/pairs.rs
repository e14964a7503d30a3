//! 互联互保 documents: the roster of protection groups (互保对象一览表) and one agreement
//! (互保联保协议书) per group, from the same groups as the 互联互保安全管理制度.

use crate::documents::blocks::{heading as h, paragraph as p, text as t};
use crate::documents::model::{Block, Document, Inline, Kind, Layout};
use crate::facts::EnterpriseFacts;
use crate::site::model::{EnterpriseFile, Team};

pub fn pair_documents(
    enterprise_id: &str,
    e: &EnterpriseFile,
    facts: &EnterpriseFacts,
) -> Vec<Document> {
    let mut docs = vec![roster(enterprise_id, e, facts)];
    for (team, groups) in e.teams.iter().zip(&facts.groups) {
        for (i, group) in groups.groups.iter().enumerate() {
            docs.push(agreement(enterprise_id, e, team, i + 1, &group.members));
        }
    }
    docs
}

fn roster(enterprise_id: &str, e: &EnterpriseFile, facts: &EnterpriseFacts) -> Document {
    let mut blocks = vec![p(format!(
        "依据《互联互保安全管理制度》，{}各班组实行安全互联互保，同岗位优先结对，其次为同区域配合作业人员；班组人数为单数时设一个三人组。班组长每班在班前会上宣布互保对象，人员变动时及时调整并报安全管理部门备案。",
        e.enterprise.name
    ))];
    for (team, groups) in e.teams.iter().zip(&facts.groups) {
        blocks.push(h(&format!(
            "{}（班组长：{}，作业区域：{}，{} 人）",
            team.name,
            team.leader,
            e.zone_name(&team.zone),
            team.members.len()
        )));
        let rows = groups
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let posts: Vec<String> = g
                    .members
                    .iter()
                    .map(|m| format!("{}（{}）", m, e.member_post(m)))
                    .collect();
                vec![
                    t(format!("第 {} 组", i + 1)),
                    t(posts.join("、")),
                    t(if g.members.len() == 3 {
                        "三人组"
                    } else {
                        "两人组"
                    }),
                    t(team.leader.clone()),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            header: ["组别", "互保对象（岗位）", "组别类型", "班组长"]
                .iter()
                .map(|x| t(*x))
                .collect(),
            rows,
        });
    }
    Document {
        kind: Kind::PairRoster,
        title: "互保对象一览表".into(),
        enterprise: Some(enterprise_id.into()),
        slug: "pair-roster".into(),
        control: None,
        layout: Layout::Portrait,
        members: Vec::new(),
        date: None,
        date_line: None,
        blocks,
    }
}

fn agreement(
    enterprise_id: &str,
    e: &EnterpriseFile,
    team: &Team,
    number: usize,
    members: &[String],
) -> Document {
    let names = members.join("、");
    let parties: Vec<Vec<Vec<Inline>>> = members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                t(format!(
                    "{}方",
                    ["甲", "乙", "丙"].get(i).copied().unwrap_or("丁")
                )),
                t(m.clone()),
                t(e.member_post(m)),
                t(team.name.clone()),
            ]
        })
        .collect();
    let s = &e.service;
    let blocks = vec![
        Block::Table { header: ["当事人", "姓名", "岗位", "班组"].iter().map(|x| t(*x)).collect(), rows: parties },
        p(format!(
            "为落实“四不伤害”，依据{}《互联互保安全管理制度》，{}经{}班组长{}确定为互保对象（{}第 {} 组），在{}作业期间相互保护，自愿签订本协议。",
            e.enterprise.name,
            names,
            team.name,
            team.leader,
            team.name,
            number,
            e.zone_name(&team.zone)
        )),
        h("一、协议期限"),
        p(format!("自 {} 起至 {} 止。期间班组调整互保对象的，重新签订协议。", s.start.chinese(), s.end.chinese())),
        h("二、双方职责"),
        Block::List {
            ordered: true,
            start: 1,
            items: [
                "“七互”：互相学习、互相检查、互相监督、互相提醒、互相关心、互相保护、相互帮助。",
                "“四不伤害”：自己不伤害自己、自己不伤害他人、自己不被他人伤害、保护他人不受伤害。",
                "“一制止”：有权制止任何人违章指挥和违章作业。",
                "严格遵守安全规章制度、岗位安全操作规程，正确佩戴劳动防护用品，严禁违章、冒险作业。",
                "作业中对危险源进行动态辨识，采取事故预想的方式，提前采取预防措施。",
                "作业前相互检查作业环境、设备安全装置和防护用品；一方离开岗位时告知另一方。",
                "相关方人员在本区域作业时，进行安全告知、安全提示和安全交底，及时制止其违章行为。",
                "一方有违章作业行为的，另一方必须立即现场纠正和制止，不得熟视无睹；发生险情时相互救护并立即报告班组长。",
            ]
            .iter()
            .map(|x| vec![p(*x)])
            .collect(),
        },
        h("三、连带责任"),
        p("互保对象一方因违章、冒险作业受到处罚的，另一方承担连带责任，按违章者罚款金额的 20% 处罚；因及时制止违章避免事故的，双方均予奖励。"),
        h("四、其他"),
        p("本协议一式两份，班组和安全管理部门各存一份，自各方签字之日起生效。"),
        Block::Signatures { labels: members.iter().map(|m| format!("{m}（签字）")).chain([format!("见证人 班组长 {}", team.leader), "日期".to_string()]).collect() },
    ];
    Document {
        kind: Kind::PairAgreement,
        title: format!("互保联保协议书（{names}）"),
        enterprise: Some(enterprise_id.into()),
        slug: format!("pair-agreement-{}-{number}", team.id),
        control: None,
        layout: Layout::Portrait,
        members: members.to_vec(),
        date: None,
        date_line: None,
        blocks,
    }
}
