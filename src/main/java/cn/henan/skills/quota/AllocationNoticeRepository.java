package cn.henan.skills.quota;

import org.springframework.data.jpa.repository.JpaRepository;

interface AllocationNoticeRepository extends JpaRepository<AllocationNotice, Integer> {
}
