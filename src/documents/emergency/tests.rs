use super::*;

fn ruifeng() -> EnterpriseFile {
    serde_saphyr::from_str(include_str!("../../../example/enterprises/ruifeng.yaml"))
        .expect("the example parses")
}

fn minimal() -> EnterpriseFile {
    serde_saphyr::from_str(include_str!(
        "../../../tests/fixtures/minimal/enterprises/mini.yaml"
    ))
    .expect("the fixture parses")
}

fn leader<'a>(org: &'a Organisation, group: &str) -> &'a str {
    org.groups
        .iter()
        .find(|g| g.covers[0] == group)
        .map(|g| g.leader.as_str())
        .unwrap_or_else(|| panic!("no group {group}"))
}

#[test]
fn five_groups_with_five_different_leaders_matched_by_department() {
    let org = organisation(&ruifeng());
    assert_eq!(org.commander, "应国强");
    assert_eq!(org.deputies, ["吕建平", "胡晓燕"]);
    assert_eq!(org.groups.len(), 5);
    assert!(!org.merged);
    let mut leaders: Vec<&str> = org.groups.iter().map(|g| g.leader.as_str()).collect();
    leaders.sort();
    leaders.dedup();
    assert_eq!(leaders.len(), 5, "{org:?}");
    assert!(!leaders.contains(&"应国强"), "the 总指挥 leads no group");
    assert_eq!(leader(&org, "rescue"), "程立新", "设备动力部 → 抢险救援");
    assert_eq!(leader(&org, "logistics"), "施丽娟", "仓储物流部 → 后勤保障");
    for deputy in &org.deputies {
        assert!(
            !leaders.contains(&deputy.as_str()),
            "副总指挥 {deputy} leads no group"
        );
    }
}

#[test]
fn too_few_people_merge_groups_instead_of_doubling_leaders() {
    // 孙三 principal; 李四 safety officer; 周五 生产部 and zone owner; 吴六 team leader.
    let org = organisation(&minimal());
    assert_eq!(org.deputies, ["周五", "李四"]);
    assert_eq!(org.groups.len(), 3);
    assert!(org.merged);
    // Only 吴六 is not a 副总指挥: he leads a group first, the deputies the others.
    let mut names: Vec<&str> = org.groups.iter().map(|g| g.leader.as_str()).collect();
    assert_eq!(names[0], "吴六");
    names.sort();
    assert_eq!(names, ["吴六", "周五", "李四"]);
    let covered: usize = org.groups.iter().map(|g| g.covers.len()).sum();
    assert_eq!(covered, 5, "every duty is carried by some group");
    assert_eq!(org.groups[0].covers, ["rescue", "logistics"]);
    assert_eq!(org.groups[1].covers, ["evacuation", "communication"]);
}

#[test]
fn one_person_besides_the_principal_leads_one_merged_group() {
    let mut e = minimal();
    e.departments.clear();
    e.zones[0].owner = "李四".into();
    e.teams[0].leader = "李四".into();
    let org = organisation(&e);
    assert_eq!(org.groups.len(), 1);
    assert_eq!(org.groups[0].name, "应急救援组");
    assert_eq!(org.groups[0].leader, "李四");
    assert_eq!(org.groups[0].covers.len(), 5);
}

#[test]
fn contacts_always_hold_119_120_110_and_the_regulator() {
    let mut e = minimal();
    e.enterprise.emergency_contacts = vec![
        crate::site::model::EmergencyContact {
            name: "金华市中心医院".into(),
            phone: "0579-82552222".into(),
            role: Some("就近医院".into()),
        },
        crate::site::model::EmergencyContact {
            name: "某区应急管理局".into(),
            phone: "0579-82000000".into(),
            role: None,
        },
    ];
    let agency = Agency {
        name: "某机构".into(),
        principal: "周".into(),
        phone: "0579-82345678".into(),
        complaint_phone: "0579-82345679".into(),
        address: "某地".into(),
        regulator: "某区应急管理局".into(),
        city: None,
    };
    let c = contacts(&e, &agency);
    let phones: Vec<&str> = c["external"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["phone"].as_str().unwrap())
        .collect();
    // The regulator's own entry gives it its phone and is not listed twice.
    assert_eq!(
        phones,
        ["119", "120", "110", "0579-82000000", "0579-82552222"]
    );
}
